import { toPublicIssue, type Issue } from '../core/issues';
import type { CadreEvaluation } from '../core/evaluate';
import { banKey } from '../core/names';
import type { ApprovalState } from '../core/approval';
import type { TripStatus } from '../core/vocabulary';
import { issuesOfBan } from './ban-issues';
import { tripApprovals, type Analysis } from './workflow';

/** The check's result as plain JSON: `dicoso check --json`, and the data the sidebars are built from. */
export interface CheckReport {
  year: number;
  preset: string;
  period: { start: string; end: string };
  cadres: {
    name: string;
    ban: string;
    group: CadreEvaluation['group'];
    exempt: string | null;
    requiredDays: number;
    daysDone: number;
    daysProjected: number;
    roundsDone: number;
    roundsRequired: number;
    /** The requirements verdict: during the period done plus registered ahead, from its end done only. */
    status: CadreEvaluation['status'];
    /** The year-end verdict from the period's end (dat, khong-dat, xuat-sac; hoan-thanh, chua-hoan-thanh); null before. */
    rating: CadreEvaluation['rating'];
    /** The one verdict shown everywhere, and its words. */
    verdict: CadreEvaluation['verdict'];
    verdictLabel: string;
    reasons: string[];
  }[];
  /** One entry per trip row read (rows with errors are in `issues`), with where its registration stands. */
  trips: {
    tab: string;
    row: number;
    cadre: string;
    ban: string;
    status: TripStatus;
    approval: { state: ApprovalState; by: string | null; date: string | null; noticeNumber: string | null; noticeDate: string | null; reason: string | null };
  }[];
  issues: Issue[];
  /** Tabs named like ours that were not read, and Cài đặt rows that could not be used: what the run did not take in. */
  notices: string[];
}

/** The report of the whole province, or of one Ban: its cadres and the issues on its rows (see issuesOfBan). */
export function checkReport(analysis: Analysis, ban: string | null = null): CheckReport {
  return {
    year: analysis.year,
    preset: analysis.settings.preset,
    period: { start: analysis.period.start, end: analysis.period.end },
    cadres: cadresOfBan(analysis, ban).map((e) => ({
      name: analysis.roster.cadres[e.cadre]!.name,
      ban: e.ban,
      group: e.group,
      exempt: e.exempt,
      requiredDays: e.requiredDays,
      daysDone: e.daysDone,
      daysProjected: e.daysProjected,
      roundsDone: e.roundsDone,
      roundsRequired: e.roundsRequired,
      status: e.status,
      rating: e.rating,
      verdict: e.verdict,
      verdictLabel: e.verdictLabel,
      reasons: e.reasons,
    })),
    trips: tripsOfBan(analysis, ban),
    issues: issuesOfBan(analysis, ban).map(toPublicIssue),
    notices: [...analysis.notices, ...analysis.settingsProblems],
  };
}

function tripsOfBan(analysis: Analysis, ban: string | null): CheckReport['trips'] {
  const key = ban === null ? null : banKey(ban);
  return tripApprovals(analysis)
    .map(({ trip, approval }) => ({ trip, approval, cadre: analysis.roster.cadres[trip.cadre]! }))
    .filter(({ cadre }) => key === null || banKey(cadre.ban) === key)
    .map(({ trip, approval, cadre }) => ({
      tab: analysis.tabs.trips,
      row: trip.row,
      cadre: cadre.name,
      ban: cadre.ban,
      status: trip.status,
      approval: {
        state: approval.state,
        by: approval.by,
        date: approval.date,
        noticeNumber: approval.noticeNumber,
        noticeDate: approval.noticeDate,
        reason: approval.reason,
      },
    }));
}

export function cadresOfBan(analysis: Analysis, ban: string | null): CadreEvaluation[] {
  const key = ban === null ? null : banKey(ban);
  return analysis.evaluation.cadres.filter((e) => key === null || banKey(e.ban) === key);
}
