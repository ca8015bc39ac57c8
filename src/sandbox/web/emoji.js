// The emoji shortcodes apps commonly put in messages. Unknown shortcodes stay as typed, as
// Slack shows them for custom emoji it cannot find.
export const EMOJI = {
  '+1': '👍', '-1': '👎', thumbsup: '👍', thumbsdown: '👎', white_check_mark: '✅', heavy_check_mark: '✔️',
  ballot_box_with_check: '☑️', x: '❌', negative_squared_cross_mark: '❎', warning: '⚠️', no_entry: '⛔',
  no_entry_sign: '🚫', exclamation: '❗', question: '❓', information_source: 'ℹ️', bulb: '💡', memo: '📝',
  pencil: '📝', pencil2: '✏️', calendar: '📆', date: '📅', spiral_calendar_pad: '🗓️', spiral_note_pad: '🗒️',
  clipboard: '📋', bar_chart: '📊', chart_with_upwards_trend: '📈', chart_with_downwards_trend: '📉',
  pushpin: '📌', round_pushpin: '📍', bell: '🔔', no_bell: '🔕', alarm_clock: '⏰', hourglass: '⌛',
  hourglass_flowing_sand: '⏳', stopwatch: '⏱️', tada: '🎉', sparkles: '✨', star: '⭐', trophy: '🏆',
  dart: '🎯', checkered_flag: '🏁', rocket: '🚀', construction: '🚧', rotating_light: '🚨', fire: '🔥',
  wave: '👋', eyes: '👀', raised_hands: '🙌', clap: '👏', muscle: '💪', handshake: '🤝', pray: '🙏',
  heart: '❤️', '100': '💯', smile: '😄', slightly_smiling_face: '🙂', thinking_face: '🤔',
  large_green_circle: '🟢', large_yellow_circle: '🟡', large_orange_circle: '🟠', red_circle: '🔴',
  large_blue_circle: '🔵', white_circle: '⚪', black_circle: '⚫', green_heart: '💚', yellow_heart: '💛',
  lock: '🔒', unlock: '🔓', key: '🔑', gear: '⚙️', link: '🔗', mag: '🔍', house: '🏠', office: '🏢',
  classical_building: '🏛️', books: '📚', book: '📖', page_facing_up: '📄', bookmark_tabs: '📑',
  file_folder: '📁', open_file_folder: '📂', inbox_tray: '📥', outbox_tray: '📤', envelope: '✉️',
  email: '📧', loudspeaker: '📢', mega: '📣', speech_balloon: '💬', busts_in_silhouette: '👥',
  bust_in_silhouette: '👤', earth_americas: '🌎', globe_with_meridians: '🌐', seedling: '🌱',
  scales: '⚖️', zzz: '💤', repeat: '🔁', arrows_counterclockwise: '🔄', arrow_right: '➡️',
  arrow_left: '⬅️', arrow_up: '⬆️', arrow_down: '⬇️', heavy_plus_sign: '➕', heavy_minus_sign: '➖',
  point_right: '👉', zipper_mouth_face: '🤐', city_sunset: '🌇', double_vertical_bar: '⏸️', black_right_pointing_double_triangle_with_vertical_bar: '⏭️',
  arrow_forward: '▶️', pause_button: '⏸️', heavy_multiplication_x: '✖️', grey_question: '❔', speech_left: '🗨️', small_blue_diamond: '🔹', small_orange_diamond: '🔸', calling: '📲',
};

/** @param {string} name */
export function emojiFor(name) {
  return Object.prototype.hasOwnProperty.call(EMOJI, name) ? EMOJI[/** @type {keyof typeof EMOJI} */ (name)] : undefined;
}
