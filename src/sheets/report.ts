import { toPublicIssue, type Issue } from '../core/issues';
import type { CadreEvaluation } from '../core/evaluate';
import type { Analysis } from './workflow';

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
    status: CadreEvaluation['status'];
    rating: CadreEvaluation['rating'];
    reasons: string[];
    forecastDays: number;
  }[];
  issues: Issue[];
}

export function checkReport(analysis: Analysis): CheckReport {
  return {
    year: analysis.year,
    preset: analysis.settings.preset,
    period: { start: analysis.period.start, end: analysis.period.end },
    cadres: analysis.evaluation.cadres.map((e) => ({
      name: analysis.roster.cadres[e.cadre]!.name,
      ban: e.ban,
      group: e.group,
      exempt: e.exempt,
      requiredDays: e.requiredDays,
      daysDone: e.daysDone,
      daysProjected: e.daysProjected,
      roundsDone: e.roundsDone,
      roundsRequired: e.waived || e.exempt ? 0 : e.roundsRequired,
      status: e.status,
      rating: e.rating,
      reasons: e.reasons,
      forecastDays: e.forecastDays,
    })),
    issues: analysis.issues.map(toPublicIssue),
  };
}
