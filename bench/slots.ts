// Availability for 20 specialists × 31 days at one location: cold (empty cache: three bulk queries
// plus the slot arithmetic) and cached (arithmetic only), on the embedded database or on
// PostgreSQL with TEST_DATABASE_URL set. Each specialist has a booking on most days.
// Run: node scripts/with-node.mjs node bench/slots.ts
import { performance } from 'node:perf_hooks';
import { uuidv7 } from 'uuidv7';
import { createBookingSetup } from '../src/capabilities/booking/booking-setup.ts';
import { bookingClients, bookings } from '../src/capabilities/booking/booking-tables.ts';
import { createSlotService } from '../src/capabilities/booking/slots/slot-service.ts';
import { createTestDatabase } from '../test/support/test-database.ts';

const SPECIALISTS = 20;
const DAYS = 31;
const RUNS = 20;
const testDb = await createTestDatabase();
const { db } = testDb.database;
const now = new Date('2026-06-01T05:00:00Z');
const slots = createSlotService({ now: () => now });
const setup = createBookingSetup({ db, slots, now: () => now });
const location = await setup.createLocation({ name: 'Bench', timezone: 'Europe/Berlin' });
const service = await setup.createService({
  name: 'Cut',
  durationMinutes: 45,
  bufferAfterMinutes: 15,
  minNoticeMinutes: 60,
  maxDaysAhead: 60,
});
const [client] = await db
  .insert(bookingClients)
  .values({ id: uuidv7(), name: 'Bench', language: 'en' })
  .returning();
const ids: string[] = [];
for (let i = 0; i < SPECIALISTS; i++) {
  const s = await setup.createSpecialist({
    telegramId: 100_000 + i,
    name: `S${i}`,
    serviceIds: [service.id],
    locationIds: [location.id],
  });
  ids.push(s.id);
  const weekly = [1, 2, 3, 4, 5, 6].map((weekday) => ({
    weekday,
    start: 9 * 60,
    end: 19 * 60,
    breaks: [{ start: 13 * 60, end: 14 * 60 }],
  }));
  await setup.setHours(s.id, location.id, weekly);
  for (let d = 0; d < DAYS; d += 1) {
    const start = new Date(Date.UTC(2026, 5, 1 + d, 8 + (i % 6), 0));
    await db.insert(bookings).values({
      id: uuidv7(),
      serviceId: service.id,
      locationId: location.id,
      specialistId: s.id,
      clientId: client?.id as string,
      startAt: start,
      endAt: new Date(start.getTime() + 45 * 60_000),
      blockedFrom: start,
      blockedTo: new Date(start.getTime() + 60 * 60_000),
      status: 'confirmed',
      createdBy: 'client',
      createdAt: now,
      updatedAt: now,
    });
  }
}

const input = { location, service, specialistIds: ids, from: '2026-06-01', to: '2026-07-01', merge: false };
const time = async () => {
  const t0 = performance.now();
  const result = await slots.slots(db, input);
  return { ms: performance.now() - t0, count: result.length };
};
await time(); // warm the JIT and the zone tables once
const cold: number[] = [];
const cached: number[] = [];
let count = 0;
for (let i = 0; i < RUNS; i++) {
  for (const id of ids) slots.invalidate(id);
  const c = await time();
  cold.push(c.ms);
  count = c.count;
  cached.push((await time()).ms);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] as number;
console.log(
  `${process.env.TEST_DATABASE_URL ? 'external PostgreSQL' : 'embedded PostgreSQL'}: ${SPECIALISTS} specialists × ${DAYS} days, ${count} free slots, ${RUNS} runs`,
);
console.log(
  `cold   (3 bulk queries + arithmetic): median ${median(cold).toFixed(1)} ms, p95 ${p95(cold).toFixed(1)} ms`,
);
console.log(
  `cached (arithmetic only):             median ${median(cached).toFixed(1)} ms, p95 ${p95(cached).toFixed(1)} ms`,
);
await testDb.close();
