import type { ParseCase } from './parse-cases.ts';

// New York: Sunday 8 Mar 2026 10:00 (−04:00, summer time since 02:00). Mon 9, Tue 10, Wed 11,
// Thu 12, Fri 13, Sat 14, Sun 15, Fri 20.
export const EN_CASES: ParseCase[] = [
  [
    'ny',
    'remind me tomorrow at 9am to call mom',
    { intent: 'reminder', title: 'Call mom', due: '2026-03-09T09:00:00-04:00' },
  ],
  [
    'ny',
    'Remind me to call the bank at 4pm',
    { intent: 'reminder', title: 'Call the bank', due: '2026-03-08T16:00:00-04:00' },
  ],
  [
    'ny',
    'remind me about the dentist on Tuesday at 3:15pm',
    { intent: 'reminder', title: 'The dentist', due: '2026-03-10T15:15:00-04:00' },
  ],
  [
    'ny',
    "don't forget to renew the passport by the end of the month",
    { intent: 'reminder', title: 'Renew the passport', due: '2026-03-31T23:59:00-04:00', allDay: true },
  ],
  [
    'ny',
    'in 15 minutes take the pizza out',
    { intent: 'reminder', title: 'Take the pizza out', due: '2026-03-08T10:15:00-04:00' },
  ],
  [
    'ny',
    'in 2 hours call the plumber',
    { intent: 'reminder', title: 'Call the plumber', due: '2026-03-08T12:00:00-04:00' },
  ],
  [
    'ny',
    'remind me in half an hour to check the laundry',
    { intent: 'reminder', title: 'Check the laundry', due: '2026-03-08T10:30:00-04:00' },
  ],
  [
    'ny',
    'call the dentist at 5',
    { intent: 'reminder', title: 'Call the dentist', due: '2026-03-08T17:00:00-04:00' },
  ],
  [
    'ny',
    'at 5pm pick up the kids',
    { intent: 'reminder', title: 'Pick up the kids', due: '2026-03-08T17:00:00-04:00' },
  ],
  [
    'ny',
    'remind me at 8:30 tonight to take out the trash',
    { intent: 'reminder', title: 'Take out the trash', due: '2026-03-08T20:30:00-04:00' },
  ],
  [
    'ny',
    'Submit essay for History by Friday 6pm !!',
    {
      intent: 'task',
      title: 'Submit essay for History',
      due: '2026-03-13T18:00:00-04:00',
      priority: 'urgent',
      course: 'History',
    },
  ],
  [
    'ny',
    'buy groceries tonight',
    { intent: 'task', title: 'Buy groceries', due: '2026-03-08T19:00:00-04:00' },
  ],
  [
    'ny',
    'next week schedule a haircut',
    { intent: 'task', title: 'Schedule a haircut', due: '2026-03-09T09:00:00-04:00', allDay: true },
  ],
  [
    'ny',
    'by end of week finish the report',
    { intent: 'task', title: 'Finish the report', due: '2026-03-08T23:59:00-04:00', allDay: true },
  ],
  [
    'ny',
    'Dec 25 buy gifts',
    { intent: 'task', title: 'Buy gifts', due: '2026-12-25T09:00:00-05:00', allDay: true },
  ],
  [
    'ny',
    '12/25 send holiday cards',
    { intent: 'task', title: 'Send holiday cards', due: '2026-12-25T09:00:00-05:00', allDay: true },
  ],
  [
    'ny',
    'CS 101 lab report due 3/20 #school',
    {
      intent: 'task',
      title: 'CS 101 lab report',
      due: '2026-03-20T09:00:00-04:00',
      allDay: true,
      category: 'school',
      course: 'CS 101',
    },
  ],
  [
    'ny',
    'read chapter 4 for Biology class tomorrow afternoon',
    {
      intent: 'task',
      title: 'Read chapter 4 for Biology class',
      due: '2026-03-09T14:00:00-04:00',
      course: 'Biology',
    },
  ],
  [
    'ny',
    'Doctor appointment on March 10 at 9am',
    { intent: 'task', title: 'Doctor appointment', due: '2026-03-10T09:00:00-04:00' },
  ],
  [
    'ny',
    'dinner with Anna this Friday at 8pm',
    { intent: 'task', title: 'Dinner with Anna', due: '2026-03-13T20:00:00-04:00' },
  ],
  [
    'ny',
    'tomorrow at noon lunch with Sam',
    { intent: 'task', title: 'Lunch with Sam', due: '2026-03-09T12:00:00-04:00' },
  ],
  [
    'ny',
    'on Friday submit the timesheet !high',
    {
      intent: 'task',
      title: 'Submit the timesheet',
      due: '2026-03-13T09:00:00-04:00',
      allDay: true,
      priority: 'high',
    },
  ],
  [
    'ny',
    'quiz for Chemistry on Wednesday',
    {
      intent: 'task',
      title: 'Quiz for Chemistry',
      due: '2026-03-11T09:00:00-04:00',
      allDay: true,
      course: 'Chemistry',
    },
  ],
  [
    'ny',
    'Physics homework due Tuesday at 11:59pm',
    { intent: 'task', title: 'Physics homework', due: '2026-03-10T23:59:00-04:00', course: 'Physics' },
  ],
  [
    'ny',
    '@math problem set due Thursday',
    { intent: 'task', title: 'Problem set', due: '2026-03-12T09:00:00-04:00', allDay: true, course: 'math' },
  ],
  [
    'ny',
    'send the slides to Bob at 3:30 pm',
    { intent: 'task', title: 'Send the slides to Bob', due: '2026-03-08T15:30:00-04:00' },
  ],
  [
    'ny',
    'pay the electricity bill on the 20th',
    { intent: 'task', title: 'Pay the electricity bill', due: '2026-03-20T09:00:00-04:00', allDay: true },
  ],
  [
    'ny',
    'this weekend clean the apartment',
    { intent: 'task', title: 'Clean the apartment', due: '2026-03-08T09:00:00-04:00', allDay: true },
  ],
  [
    'ny',
    'in 3 days return the library books',
    { intent: 'task', title: 'Return the library books', due: '2026-03-11T09:00:00-04:00', allDay: true },
  ],
  [
    'ny',
    'finish the essay for English by Monday',
    {
      intent: 'task',
      title: 'Finish the essay for English',
      due: '2026-03-09T09:00:00-04:00',
      allDay: true,
      course: 'English',
    },
  ],
  ['ny', 'buy milk', { intent: 'task', title: 'Buy milk', due: null }],
  ['ny', 'Call mom', { intent: 'task', title: 'Call mom', due: null }],
  [
    'ny',
    'Email the professor about the extension',
    { intent: 'task', title: 'Email the professor about the extension', due: null },
  ],
  [
    'ny',
    'need to book flights for spring break',
    { intent: 'task', title: 'Book flights for spring break', due: null },
  ],
  ['ny', 'todo: fix the bike', { intent: 'task', title: 'Fix the bike', due: null }],
  ['ny', 'finish slides asap', { intent: 'task', title: 'Finish slides', due: null, priority: 'urgent' }],
  [
    'ny',
    'urgent: fix the login bug',
    { intent: 'task', title: 'Fix the login bug', due: null, priority: 'urgent' },
  ],
  [
    'ny',
    'clean the garage someday',
    { intent: 'task', title: 'Clean the garage', due: null, priority: 'low' },
  ],
  [
    'ny',
    'order new glasses !low #health',
    { intent: 'task', title: 'Order new glasses', due: null, priority: 'low', category: 'health' },
  ],
  [
    'ny',
    'write cover letter ! #job-search',
    { intent: 'task', title: 'Write cover letter', due: null, priority: 'high', category: 'job-search' },
  ],
  // Recurrence
  [
    'ny',
    'every weekday at 8:30 stand-up',
    {
      intent: 'reminder',
      title: 'Stand-up',
      due: '2026-03-09T08:30:00-04:00',
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=30',
    },
  ],
  [
    'ny',
    'every Monday and Wednesday at 7pm gym',
    {
      intent: 'reminder',
      title: 'Gym',
      due: '2026-03-09T19:00:00-04:00',
      rrule: 'FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=19;BYMINUTE=0',
    },
  ],
  [
    'ny',
    'Every Tuesday and Thursday at 6:30pm yoga',
    {
      intent: 'reminder',
      title: 'Yoga',
      due: '2026-03-10T18:30:00-04:00',
      rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=18;BYMINUTE=30',
    },
  ],
  [
    'ny',
    'yoga on tuesdays and thursdays at 7am',
    {
      intent: 'reminder',
      title: 'Yoga',
      due: '2026-03-10T07:00:00-04:00',
      rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=7;BYMINUTE=0',
    },
  ],
  [
    'ny',
    'pay rent every month on the 15th',
    {
      intent: 'reminder',
      title: 'Pay rent',
      due: '2026-03-15T09:00:00-04:00',
      allDay: true,
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=15;BYHOUR=9;BYMINUTE=0',
    },
  ],
  [
    'ny',
    'monthly on the 1st pay rent',
    {
      intent: 'reminder',
      title: 'Pay rent',
      due: '2026-04-01T09:00:00-04:00',
      allDay: true,
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=1;BYHOUR=9;BYMINUTE=0',
    },
  ],
  [
    'ny',
    'every 2 weeks on Tuesday team retro',
    {
      intent: 'reminder',
      title: 'Team retro',
      due: '2026-03-10T09:00:00-04:00',
      allDay: true,
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=9;BYMINUTE=0',
    },
  ],
  [
    'ny',
    'water the plants every 3 days',
    {
      intent: 'reminder',
      title: 'Water the plants',
      due: '2026-03-09T09:00:00-04:00',
      allDay: true,
      rrule: 'FREQ=DAILY;INTERVAL=3;BYHOUR=9;BYMINUTE=0',
    },
  ],
  [
    'ny',
    'take vitamins daily',
    {
      intent: 'reminder',
      title: 'Take vitamins',
      due: '2026-03-09T09:00:00-04:00',
      allDay: true,
      rrule: 'FREQ=DAILY;BYHOUR=9;BYMINUTE=0',
    },
  ],
  [
    'ny',
    'every morning meditate',
    {
      intent: 'reminder',
      title: 'Meditate',
      due: '2026-03-09T09:00:00-04:00',
      rrule: 'FREQ=DAILY;BYHOUR=9;BYMINUTE=0',
    },
  ],
  [
    'ny',
    'every weekend go hiking',
    {
      intent: 'reminder',
      title: 'Go hiking',
      due: '2026-03-14T09:00:00-04:00',
      allDay: true,
      rrule: 'FREQ=WEEKLY;BYDAY=SA,SU;BYHOUR=9;BYMINUTE=0',
    },
  ],
  [
    'ny',
    'every other day at 7am run',
    {
      intent: 'reminder',
      title: 'Run',
      due: '2026-03-09T07:00:00-04:00',
      rrule: 'FREQ=DAILY;INTERVAL=2;BYHOUR=7;BYMINUTE=0',
    },
  ],
  [
    'ny',
    'every year on March 15 renew the car insurance',
    {
      intent: 'reminder',
      title: 'Renew the car insurance',
      due: '2026-03-15T09:00:00-04:00',
      allDay: true,
      rrule: 'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15;BYHOUR=9;BYMINUTE=0',
    },
  ],
  [
    'ny',
    'remind me to stretch every hour',
    { intent: 'reminder', title: 'Stretch', due: '2026-03-08T11:00:00-04:00', rrule: 'FREQ=HOURLY' },
  ],
  [
    'ny',
    'every 2 hours drink water',
    {
      intent: 'reminder',
      title: 'Drink water',
      due: '2026-03-08T12:00:00-04:00',
      rrule: 'FREQ=HOURLY;INTERVAL=2',
    },
  ],
  [
    'ny',
    'every Sunday at 6pm plan the week',
    {
      intent: 'reminder',
      title: 'Plan the week',
      due: '2026-03-08T18:00:00-04:00',
      rrule: 'FREQ=WEEKLY;BYDAY=SU;BYHOUR=18;BYMINUTE=0',
    },
  ],
  [
    'ny',
    'every 20 minutes check the oven',
    {
      intent: 'reminder',
      title: 'Check the oven',
      due: '2026-03-08T10:20:00-04:00',
      rrule: 'FREQ=MINUTELY;INTERVAL=20',
    },
  ],
  // Nothing to do
  ['ny', 'hello there', { intent: 'unknown', title: 'Hello there', due: null }],
  ['ny', 'Good morning!', { intent: 'unknown', title: 'Good morning!', due: null }],
  ['ny', 'thanks!', { intent: 'unknown', title: 'Thanks!', due: null }],
  ['ny', 'how are you?', { intent: 'unknown', title: 'How are you?', due: null }],
  [
    'ny',
    "what's the weather tomorrow?",
    { intent: 'unknown', title: "What's the weather tomorrow?", due: null },
  ],
  [
    'ny',
    'I had a great day yesterday',
    { intent: 'unknown', title: 'I had a great day yesterday', due: null },
  ],
  // New York, the evening before summer time (Sat 7 Mar 20:00 −05:00; 02:00–03:00 on Sunday does not exist)
  [
    'nyEve',
    'remind me tomorrow at 9am to call mom',
    { intent: 'reminder', title: 'Call mom', due: '2026-03-08T09:00:00-04:00' },
  ],
  [
    'nyEve',
    'every day at 8:30 walk the dog',
    {
      intent: 'reminder',
      title: 'Walk the dog',
      due: '2026-03-08T08:30:00-04:00',
      rrule: 'FREQ=DAILY;BYHOUR=8;BYMINUTE=30',
    },
  ],
  // 8 real hours: 01:00Z + 8 h = 09:00Z, which the clock shows as 05:00 after skipping an hour.
  [
    'nyEve',
    'remind me in 8 hours to move the car',
    { intent: 'reminder', title: 'Move the car', due: '2026-03-08T05:00:00-04:00' },
  ],
  [
    'nyEve',
    'tomorrow at 2:30am back up the laptop',
    { intent: 'task', title: 'Back up the laptop', due: '2026-03-08T03:30:00-04:00' },
  ],
  [
    'nyEve',
    'every day at 2:30am run the backup',
    {
      intent: 'reminder',
      title: 'Run the backup',
      due: '2026-03-08T03:30:00-04:00',
      rrule: 'FREQ=DAILY;BYHOUR=2;BYMINUTE=30',
    },
  ],
  [
    'nyEve',
    'tonight at 11pm take meds',
    { intent: 'reminder', title: 'Take meds', due: '2026-03-07T23:00:00-05:00' },
  ],
  // New York, the day before winter time (Sat 31 Oct 10:00 −04:00; 01:00–02:00 on Sunday happens twice)
  [
    'nyFall',
    'every day at 8:30 standup',
    {
      intent: 'reminder',
      title: 'Standup',
      due: '2026-11-01T08:30:00-05:00',
      rrule: 'FREQ=DAILY;BYHOUR=8;BYMINUTE=30',
    },
  ],
  ['nyFall', 'tomorrow at 9am brunch', { intent: 'task', title: 'Brunch', due: '2026-11-01T09:00:00-05:00' }],
  [
    'nyFall',
    'in 24 hours check the auction',
    { intent: 'reminder', title: 'Check the auction', due: '2026-11-01T09:00:00-05:00' },
  ],
  [
    'nyFall',
    'on Monday submit the report',
    { intent: 'task', title: 'Submit the report', due: '2026-11-02T09:00:00-05:00', allDay: true },
  ],
  [
    'nyFall',
    'tomorrow at 1:30am call Tokyo',
    { intent: 'reminder', title: 'Call Tokyo', due: '2026-11-01T01:30:00-04:00' },
  ],
  [
    'nyFall',
    'every Sunday at 10am call grandma',
    {
      intent: 'reminder',
      title: 'Call grandma',
      due: '2026-11-01T10:00:00-05:00',
      rrule: 'FREQ=WEEKLY;BYDAY=SU;BYHOUR=10;BYMINUTE=0',
    },
  ],
  // Berlin, Sat 24 Oct 2026 10:00 +02:00
  [
    'berlin',
    'remind me tomorrow at 2:30am to check the server',
    { intent: 'reminder', title: 'Check the server', due: '2026-10-25T02:30:00+02:00' },
  ],
  [
    'berlin',
    'every day at 9am stretch',
    {
      intent: 'reminder',
      title: 'Stretch',
      due: '2026-10-25T09:00:00+01:00',
      rrule: 'FREQ=DAILY;BYHOUR=9;BYMINUTE=0',
    },
  ],
  [
    'berlin',
    'in 3 hours take out the laundry',
    { intent: 'reminder', title: 'Take out the laundry', due: '2026-10-24T13:00:00+02:00' },
  ],
  [
    'berlin',
    'next week dentist',
    { intent: 'task', title: 'Dentist', due: '2026-10-26T09:00:00+01:00', allDay: true },
  ],
  [
    'berlin',
    'by end of week send the invoice',
    { intent: 'task', title: 'Send the invoice', due: '2026-10-25T23:59:00+01:00', allDay: true },
  ],
  [
    'berlin',
    'on Monday call the landlord',
    { intent: 'task', title: 'Call the landlord', due: '2026-10-26T09:00:00+01:00', allDay: true },
  ],
  [
    'berlin',
    'tonight watch the match',
    { intent: 'task', title: 'Watch the match', due: '2026-10-24T19:00:00+02:00' },
  ],
  [
    'berlin',
    'Buy a birthday present for Lena by Thursday #family',
    {
      intent: 'task',
      title: 'Buy a birthday present for Lena',
      due: '2026-10-29T09:00:00+01:00',
      allDay: true,
      category: 'family',
    },
  ],
  // Berlin, Sat 28 Mar 2026 22:00 +01:00 (summer time from 02:00)
  [
    'berlinSpring',
    'every day at 8:30 meds',
    {
      intent: 'reminder',
      title: 'Meds',
      due: '2026-03-29T08:30:00+02:00',
      rrule: 'FREQ=DAILY;BYHOUR=8;BYMINUTE=30',
    },
  ],
  [
    'berlinSpring',
    'in 2 hours call Tom',
    { intent: 'reminder', title: 'Call Tom', due: '2026-03-29T00:00:00+01:00' },
  ],
  // Kolkata, Wed 15 Jul 2026 10:00 +05:30
  [
    'kolkata',
    'remind me tomorrow at 7:45am to take the train',
    { intent: 'reminder', title: 'Take the train', due: '2026-07-16T07:45:00+05:30' },
  ],
  [
    'kolkata',
    'every weekday at 9:15 stand-up',
    {
      intent: 'reminder',
      title: 'Stand-up',
      due: '2026-07-16T09:15:00+05:30',
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=15',
    },
  ],
  [
    'kolkata',
    'in 45 minutes call the office',
    { intent: 'reminder', title: 'Call the office', due: '2026-07-15T10:45:00+05:30' },
  ],
  [
    'kolkata',
    'Submit lab report by Friday 5pm #work',
    { intent: 'task', title: 'Submit lab report', due: '2026-07-17T17:00:00+05:30', category: 'work' },
  ],
  [
    'kolkata',
    'on the 1st of every month pay the maid',
    {
      intent: 'reminder',
      title: 'Pay the maid',
      due: '2026-08-01T09:00:00+05:30',
      allDay: true,
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=1;BYHOUR=9;BYMINUTE=0',
    },
  ],
  [
    'kolkata',
    'by end of month file taxes',
    { intent: 'task', title: 'File taxes', due: '2026-07-31T23:59:00+05:30', allDay: true },
  ],
  [
    'kolkata',
    'at 9 tonight call dad',
    { intent: 'reminder', title: 'Call dad', due: '2026-07-15T21:00:00+05:30' },
  ],
  [
    'moscow',
    'call the bank on friday',
    { intent: 'task', title: 'Call the bank', due: '2026-11-27T09:00:00+03:00', allDay: true },
  ],
  // Quick-add shorthands (issue 11): tmrw/tmr, p1–p4, "next tue", eod, and a line in the other script.
  [
    'ny',
    'buy milk tmrw',
    { intent: 'task', title: 'Buy milk', due: '2026-03-09T09:00:00-04:00', allDay: true },
  ],
  ['ny', 'pay rent tmr 6pm', { intent: 'task', title: 'Pay rent', due: '2026-03-09T18:00:00-04:00' }],
  [
    'ny',
    'dentist next tue 10am p1',
    { intent: 'task', title: 'Dentist', due: '2026-03-10T10:00:00-04:00', priority: 'urgent' },
  ],
  ['ny', 'clean the garage p4', { intent: 'task', title: 'Clean the garage', priority: 'low', due: null }],
  [
    'ny',
    'finish the slides eod p2',
    {
      intent: 'task',
      title: 'Finish the slides',
      due: '2026-03-08T23:59:00-04:00',
      allDay: true,
      priority: 'high',
    },
  ],
  [
    'ny',
    'send the invoice at lunch',
    { intent: 'task', title: 'Send the invoice', due: '2026-03-08T13:00:00-04:00' },
  ],
  [
    'moscow',
    'Сдать курсовую до 15 декабря',
    { intent: 'task', title: 'Сдать курсовую', due: '2026-12-15T09:00:00+03:00', allDay: true },
  ],
  // The describer's own words ("every month on day 15"), read back when a rule is edited
  [
    'ny',
    'pay rent every month on day 15 at 09:00',
    {
      intent: 'reminder',
      title: 'Pay rent',
      due: '2026-03-15T09:00:00-04:00',
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=15;BYHOUR=9;BYMINUTE=0',
    },
  ],
  // A day already gone is read as that day (the caller says it has passed), not moved to today
  [
    'berlin',
    'call mom yesterday at 9',
    { intent: 'reminder', title: 'Call mom', due: '2026-10-23T09:00:00+02:00' },
  ],
  // A request to book is a to-do to the parser (the booking target answers it first when it can), never a note.
  [
    'ny',
    'I want to book an appointment for a massage',
    { intent: 'task', title: 'I want to book an appointment for a massage', due: null },
  ],
];
