import type { TestClock } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSystem } from '../../../../test/support/test-system.ts';
import type { TaskService } from '../task-types.ts';
import { person, serviceOf, startBotSystem } from './bot-support.ts';

let t: TestSystem;
let clock: TestClock;
let tasks: TaskService;
beforeAll(async () => {
  ({ t, clock } = await startBotSystem());
  tasks = serviceOf(t, clock);
});
afterAll(() => t.close());

describe('/courses', () => {
  it('en: create a course with topics, move topics on, see the progress bar, link a task to a topic', async () => {
    const { user, userId } = await person(t, 'vera', 'en', 'UTC');
    const chat = user.privateChat();
    await user.send('/courses');
    const list = await chat.nextMessage(/Your courses/);
    expect(list.text).toContain('No courses yet');
    await list.click('➕ New course');
    await chat.nextMessage(/What is it called/);
    await user.send('Algebra');
    await chat.nextMessage(/Course Algebra created/);
    await user.send('1. Groups\n2. Rings\n3. Fields');
    const course = await chat.nextMessage(/📚 Algebra/);
    expect(course.text).toContain('▱▱▱▱▱ 0% · 0/3 learned');
    expect(course.text).toContain('1. ⬜ Groups');
    await course.click('⬜ Groups');
    const started = await chat.waitForEdit(course, /1\. 🟡 Groups/);
    await started.click('🟡 Groups');
    const learned = await chat.waitForEdit(started, /1\. ✅ Groups/);
    expect(learned.text).toContain('▰▰▱▱▱ 33% · 1/3 learned');
    await learned.click('« Courses');
    const back = await chat.waitForEdit(learned, /Your courses/);
    expect(back.text).toContain('Algebra\n▰▰▱▱▱ 33% · 1/3 learned');

    await tasks.create(userId, { title: 'Solve exercises', dueAt: new Date('2037-03-02T20:00:00Z') });
    await user.send('/tasks');
    const tasksList = await chat.nextMessage(/Tasks — Today/);
    await tasksList.click('1. Solve exercises');
    const card = await chat.waitForEdit(tasksList, /Solve exercises/);
    await card.click('📚 Course');
    const pickCourse = await chat.waitForEdit(card, /Which course/);
    await pickCourse.click('Algebra');
    const pickTopic = await chat.waitForEdit(pickCourse, /Which topic of Algebra/);
    await pickTopic.click('Rings');
    const linked = await chat.waitForEdit(pickTopic, /Course: Algebra · Rings/);
    expect(linked.buttons()).toContain('✅ Done');
    const course2 = (await tasks.courses.list(userId))[0];
    expect((await tasks.list(userId, { topicId: course2?.topics[1]?.id })).items.map((x) => x.title)).toEqual(
      ['Solve exercises'],
    );
  });

  it('ru: a course in Russian; a topic button of an older screen is stale', async () => {
    const { user } = await person(t, 'yana', 'ru', 'Europe/Moscow');
    const chat = user.privateChat();
    await user.send('/courses');
    const list = await chat.nextMessage(/Ваши курсы/);
    await list.click('➕ Новый курс');
    await chat.nextMessage(/Как он называется/);
    await user.send('История');
    await chat.nextMessage(/Курс История создан/);
    await user.send('Античность\nСредние века');
    const course = await chat.nextMessage(/📚 История/);
    expect(course.text).toContain('▱▱▱▱▱ 0% · изучено 0/2');
    await user.send('/courses');
    const again = await chat.nextMessage(/Ваши курсы/);
    await again.click('📚 История');
    const second = await chat.waitForEdit(again, /📚 История/);
    await second.click('⬜ Античность');
    await chat.waitForEdit(second, /🟡 Античность/);
    expect((await course.click('⬜ Античность')).answer?.text).toBe('Эта кнопка устарела.');
    await clock.tick(0);
  });
});
