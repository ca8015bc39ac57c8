// A chart in a message: an image block showing a file the app uploaded (files.uploadV2),
// with the alt text that says every figure.
import type { ImageBlock } from '@slack/types';
import { truncate } from '../mrkdwn.js';
import type { Chart } from './chart-spec.js';

/** Slack's limit for an image block's alt_text. */
const BLOCK_ALT_MAX = 2000;

export function chartImageBlock(fileId: string, chart: Pick<Chart, 'title' | 'alt'>, blockId?: string): ImageBlock {
  return {
    type: 'image',
    ...(blockId ? { block_id: blockId } : {}),
    slack_file: { id: fileId },
    alt_text: truncate(chart.alt, BLOCK_ALT_MAX),
    title: { type: 'plain_text', text: truncate(chart.title, 2000), emoji: true },
  };
}
