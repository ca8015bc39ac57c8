// Submits of the typed-measure forms from a strategy's Manage menu: Add (the Measures
// modal itself: the list is shown again with the new measure and an empty form), Edit and
// Archive (pushed over the list: they close, and the list underneath shows the change).
import type { ViewOutput } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Translate } from '../../../i18n/index.js';
import type { AppContext } from '../../../../services/app-context.js';
import { notFound } from '../../../../services/errors.js';
import { addMeasure, archiveMeasure, editMeasure, type MeasureFields } from '../../../../services/measures.js';
import { liveStrategy } from '../../../../services/strategy-records.js';
import { MEASURE_BLOCKS, measureMetadata, measuresMetadata } from '../ui/measure-form.js';
import { escapeMrkdwn } from '../../../ui/mrkdwn.js';
import { afterStrategyChange, strategySubmission } from '../strategy-submission.js';
import type { SubmitListener } from '../../../listener-types.js';
import { measuresView } from '../strategy-views.js';
import { checkedOf, selectedOf, textOf, type ViewValues } from '../../../view-state.js';

/** The form as typed; the service checks every field. */
function fieldsOf(values: ViewValues): MeasureFields {
  return {
    label: textOf(values, MEASURE_BLOCKS.label),
    kind: selectedOf(values, MEASURE_BLOCKS.kind) ?? '',
    unit: textOf(values, MEASURE_BLOCKS.unit),
    baseline: textOf(values, MEASURE_BLOCKS.baseline),
    target: textOf(values, MEASURE_BLOCKS.target),
    direction: selectedOf(values, MEASURE_BLOCKS.direction),
    dataSource: textOf(values, MEASURE_BLOCKS.dataSource),
    splitBy: checkedOf(values, MEASURE_BLOCKS.splitBy),
    isPublic: checkedOf(values, MEASURE_BLOCKS.isPublic).includes('yes'),
  };
}

function strategyIdOf(view: ViewOutput): number {
  const meta = measuresMetadata.decode(view.private_metadata);
  if (!meta) throw notFound('errors.notFound.strategy', { strategyId: null });
  return meta.strategyId;
}

function measureIdOf(view: ViewOutput): number {
  const meta = measureMetadata.decode(view.private_metadata);
  if (!meta) throw notFound('errors.notFound.measure', { measureId: null });
  return meta.measureId;
}

/** After a pushed form closes, the Measures list it was pushed from shows the change. */
async function refreshList(ctx: AppContext, client: WebClient, t: Translate, view: ViewOutput, strategyId: number, notice: string): Promise<void> {
  if (!view.previous_view_id) return;
  const s = await liveStrategy(ctx, strategyId);
  await client.views.update({ view_id: view.previous_view_id, view: await measuresView(ctx, t, s, `:white_check_mark: ${notice}`) });
}

/** Add, in the Measures modal: the list again with the new measure. */
export function measureAddSubmission(ctx: AppContext): SubmitListener {
  return strategySubmission(
    ctx,
    (field) => field,
    async ({ actor, t, view, values, client }) => {
      const strategyId = strategyIdOf(view);
      const { measure, strategy } = await addMeasure(ctx, actor, strategyId, fieldsOf(values));
      const s = await liveStrategy(ctx, strategyId);
      const notice = t('measures.manage.added', { label: escapeMrkdwn(measure.label), strategy: escapeMrkdwn(strategy.label) });
      return {
        view: await measuresView(ctx, t, s, `:white_check_mark: ${notice}`, `:${measure.id}`),
        after: () => afterStrategyChange(ctx, client, strategyId, [actor.slackUserId]),
      };
    },
  );
}

/** Save, in the pushed Edit measure form: back to the list, which says what changed. */
export function measureEditSubmission(ctx: AppContext): SubmitListener {
  return strategySubmission(
    ctx,
    (field) => field,
    async ({ actor, t, view, values, client }) => {
      const { measure, strategy } = await editMeasure(ctx, actor, measureIdOf(view), fieldsOf(values));
      const notice = t('measures.manage.saved', { label: escapeMrkdwn(measure.label), strategy: escapeMrkdwn(strategy.label) });
      return { after: () => refreshList(ctx, client, t, view, strategy.id, notice) };
    },
  );
}

/** Archive, in the pushed confirmation: back to the list without the measure. */
export function measureArchiveSubmission(ctx: AppContext): SubmitListener {
  return strategySubmission(
    ctx,
    () => undefined,
    async ({ actor, t, view, client }) => {
      const { measure, strategy } = await archiveMeasure(ctx, actor, measureIdOf(view));
      const notice = t('measures.manage.archived', { label: escapeMrkdwn(measure.label), strategy: escapeMrkdwn(strategy.label) });
      return { after: () => refreshList(ctx, client, t, view, strategy.id, notice) };
    },
  );
}
