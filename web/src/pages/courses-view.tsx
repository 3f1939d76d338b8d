import { useCallback } from 'react';
import type { Course, Topic } from '../api.ts';
import { useSession } from '../context.ts';
import { failure } from '../i18n.ts';
import { useAction } from '../use-action.ts';
import { useLoad } from '../use-load.ts';

/** A tap moves a topic one step on: not started → in progress → learned → not started. */
const NEXT: Record<Topic['status'], Topic['status']> = {
  not_started: 'in_progress',
  in_progress: 'learned',
  learned: 'not_started',
};

function TopicRow({ topic, onChanged }: { topic: Topic; onChanged: () => void }) {
  const { api, t } = useSession();
  const { busy, run } = useAction();
  const step = () =>
    run(async () => {
      await api.patchTopic(topic.course_id, topic.id, { status: NEXT[topic.status] });
      onChanged();
      return undefined;
    });
  return (
    <li className="row" data-topic-id={topic.id} data-status={topic.status}>
      <span className="row-main row-title">{topic.title}</span>
      <button
        type="button"
        className={`button small ${topic.status === 'learned' ? '' : 'secondary'}`}
        disabled={busy}
        title={t('topicNext')}
        onClick={step}
      >
        {t(`topic_${topic.status}`)}
      </button>
    </li>
  );
}

function CourseCard({ course, onChanged }: { course: Course; onChanged: () => void }) {
  const { t } = useSession();
  const { learned, total, percent } = course.progress;
  return (
    <section data-course-id={course.id}>
      <h2>{course.name}</h2>
      <div className="progress" aria-hidden="true">
        <div className="progress-bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="hint" data-progress>
        {t('courseProgress', { learned, total, percent })}
      </p>
      {course.topics.length === 0 ? (
        <p className="hint">{t('noTopics')}</p>
      ) : (
        <ul className="list">
          {course.topics.map((topic) => (
            <TopicRow key={topic.id} topic={topic} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The study side of tasks: each course with its topics in order and how much is learned. */
export default function CoursesView() {
  const { api, t } = useSession();
  const load = useCallback(() => api.courses(), [api]);
  const { data, error, reload } = useLoad(load);
  if (error !== null) return <p className="error">{failure(error, t)}</p>;
  if (!data) return <p className="hint">{t('loading')}</p>;
  if (data.length === 0) return <p className="hint">{t('noCourses')}</p>;
  return (
    <div data-list="courses">
      {data.map((course) => (
        <CourseCard key={course.id} course={course} onChanged={reload} />
      ))}
    </div>
  );
}
