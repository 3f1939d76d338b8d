import { useCallback } from 'react';
import { useSession } from '../context.ts';
import { failure } from '../i18n.ts';
import { useLoad } from '../use-load.ts';
import type { CompanionAdminApi } from './companion-admin-api.ts';
import { stageWord } from './companion-recommendations.tsx';
import type { CompanionWords } from './companion-words.ts';

const WEEKS = 8;

/** The last weeks, newest first: check-ins sent and answered, opt-outs, and people per stage. */
export function EngagementTable(props: { calls: CompanionAdminApi; w: CompanionWords }) {
  const { t, language } = useSession();
  const { calls, w } = props;
  const weeks = useLoad(useCallback(() => calls.engagement(WEEKS), [calls]));
  const day = (iso: string) =>
    new Date(`${iso}T00:00:00Z`).toLocaleDateString(language === 'ru' ? 'ru-RU' : 'en-GB', {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    });
  return (
    <section data-section="engagement">
      <h2>{w('engagement')}</h2>
      <p className="hint">{w('engagementHint')}</p>
      {weeks.error !== null ? <p className="error">{failure(weeks.error, t)}</p> : null}
      {weeks.data ? (
        <table className="matrix engagement">
          <thead>
            <tr>
              <th scope="col">{w('week')}</th>
              <th scope="col">{w('sent')}</th>
              <th scope="col">{w('answered')}</th>
              <th scope="col">{w('optOuts')}</th>
            </tr>
          </thead>
          <tbody>
            {[...weeks.data].reverse().flatMap((week) => [
              <tr key={week.week_start} data-week={week.week_start}>
                <th scope="row">{day(week.week_start)}</th>
                <td data-figure="sent">{week.check_ins_sent}</td>
                <td data-figure="answered">{week.check_ins_answered}</td>
                <td data-figure="opt-outs">{week.opt_outs}</td>
              </tr>,
              <tr key={`${week.week_start}-stages`} className="sub-row" data-week-stages={week.week_start}>
                <td colSpan={4}>
                  {w('byStage')}:{' '}
                  {Object.keys(week.by_stage).length === 0
                    ? w('nobody')
                    : Object.entries(week.by_stage)
                        .map(([stage, n]) => `${stageWord(stage, w)} ${n}`)
                        .join(' · ')}
                </td>
              </tr>,
            ])}
          </tbody>
        </table>
      ) : (
        <p className="hint">{t('loading')}</p>
      )}
    </section>
  );
}
