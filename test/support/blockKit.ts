/**
 * Checks Block Kit payloads against the limits in shared/SLACK-FACTS.md. Slack rejects a payload
 * over any limit whole (invalid_blocks), so every recorded message and view must pass this.
 * Returns a list of problems (empty = valid).
 */
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const len = (s: unknown) => (typeof s === 'string' ? Array.from(s).length : 0);

function textOf(v: unknown): string | undefined {
  return isObj(v) && typeof v.text === 'string' ? v.text : undefined;
}

function checkText(problems: string[], where: string, v: unknown, max: number, opts: { plainOnly?: boolean; required?: boolean } = {}) {
  if (v === undefined) {
    if (opts.required) problems.push(`${where}: missing text`);
    return;
  }
  if (!isObj(v)) return void problems.push(`${where}: text object expected`);
  if (opts.plainOnly && v.type !== 'plain_text') problems.push(`${where}: must be plain_text`);
  if (v.type !== 'plain_text' && v.type !== 'mrkdwn') problems.push(`${where}: unknown text type ${String(v.type)}`);
  const n = len(v.text);
  if (n === 0) problems.push(`${where}: empty text`);
  if (n > max) problems.push(`${where}: ${n} chars > ${max}`);
}

function checkOptions(problems: string[], where: string, options: unknown, max: number) {
  if (!Array.isArray(options)) return;
  if (options.length > max) problems.push(`${where}: ${options.length} options > ${max}`);
  options.forEach((o, i) => {
    if (!isObj(o)) return;
    checkText(problems, `${where}.options[${i}].text`, o.text, 75, { required: true });
    if (len(o.value) > 75) problems.push(`${where}.options[${i}].value: ${len(o.value)} chars > 75`);
  });
}

function checkElement(problems: string[], where: string, el: unknown, actionIds: Set<string>) {
  if (!isObj(el)) return void problems.push(`${where}: element expected`);
  if (typeof el.action_id === 'string') {
    if (len(el.action_id) > 255) problems.push(`${where}.action_id too long`);
    if (actionIds.has(el.action_id)) problems.push(`${where}: duplicate action_id ${el.action_id}`);
    actionIds.add(el.action_id);
  }
  switch (el.type) {
    case 'button':
      checkText(problems, `${where}.text`, el.text, 75, { plainOnly: true, required: true });
      if (len(el.value) > 2000) problems.push(`${where}.value > 2000`);
      if (len(el.url) > 3000) problems.push(`${where}.url > 3000`);
      break;
    case 'static_select':
    case 'multi_static_select':
      checkOptions(problems, where, el.options, 100);
      if (Array.isArray(el.option_groups) && el.option_groups.length > 100) problems.push(`${where}: > 100 option groups`);
      break;
    case 'checkboxes':
    case 'radio_buttons':
      checkOptions(problems, where, el.options, 10);
      break;
    case 'overflow':
      if (!Array.isArray(el.options) || el.options.length < 1 || el.options.length > 5) problems.push(`${where}: overflow needs 1-5 options`);
      checkOptions(problems, where, el.options, 5);
      break;
    case 'plain_text_input':
      if (typeof el.max_length === 'number' && el.max_length > 3000) problems.push(`${where}.max_length > 3000`);
      break;
  }
  if (el.placeholder !== undefined) checkText(problems, `${where}.placeholder`, el.placeholder, 150, { plainOnly: true });
  if (isObj(el.confirm)) {
    const c = el.confirm;
    checkText(problems, `${where}.confirm.title`, c.title, 100, { plainOnly: true });
    checkText(problems, `${where}.confirm.text`, c.text, 300);
    checkText(problems, `${where}.confirm.confirm`, c.confirm, 30, { plainOnly: true });
    checkText(problems, `${where}.confirm.deny`, c.deny, 30, { plainOnly: true });
  }
}

export function checkBlocks(blocks: unknown, maxBlocks: number, where = 'blocks'): string[] {
  const problems: string[] = [];
  if (blocks === undefined) return problems;
  if (!Array.isArray(blocks)) return [`${where}: array expected`];
  if (blocks.length > maxBlocks) problems.push(`${where}: ${blocks.length} blocks > ${maxBlocks}`);
  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  let totalText = 0;
  blocks.forEach((b, i) => {
    const w = `${where}[${i}]`;
    if (!isObj(b)) return void problems.push(`${w}: block expected`);
    if (typeof b.block_id === 'string') {
      if (len(b.block_id) > 255) problems.push(`${w}.block_id too long`);
      if (blockIds.has(b.block_id)) problems.push(`${w}: duplicate block_id ${b.block_id}`);
      blockIds.add(b.block_id);
    }
    switch (b.type) {
      case 'section':
        if (b.text === undefined && b.fields === undefined) problems.push(`${w}: section needs text or fields`);
        checkText(problems, `${w}.text`, b.text, 3000);
        totalText += len(textOf(b.text));
        if (Array.isArray(b.fields)) {
          if (b.fields.length > 10) problems.push(`${w}: ${b.fields.length} fields > 10`);
          b.fields.forEach((f, j) => {
            checkText(problems, `${w}.fields[${j}]`, f, 2000);
            totalText += len(textOf(f));
          });
        }
        if (b.accessory !== undefined) checkElement(problems, `${w}.accessory`, b.accessory, actionIds);
        break;
      case 'header':
        checkText(problems, `${w}.text`, b.text, 150, { plainOnly: true, required: true });
        totalText += len(textOf(b.text));
        break;
      case 'context':
        if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > 10) problems.push(`${w}: context needs 1-10 elements`);
        else b.elements.forEach((e, j) => {
          if (isObj(e) && (e.type === 'mrkdwn' || e.type === 'plain_text')) {
            checkText(problems, `${w}.elements[${j}]`, e, 3000);
            totalText += len(e.text);
          }
        });
        break;
      case 'actions':
        if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > 25) problems.push(`${w}: actions needs 1-25 elements`);
        else b.elements.forEach((e, j) => checkElement(problems, `${w}.elements[${j}]`, e, actionIds));
        break;
      case 'input':
        checkText(problems, `${w}.label`, b.label, 2000, { plainOnly: true, required: true });
        if (b.hint !== undefined) checkText(problems, `${w}.hint`, b.hint, 2000, { plainOnly: true });
        if (!isObj(b.element)) problems.push(`${w}: input needs an element`);
        else checkElement(problems, `${w}.element`, b.element, actionIds);
        break;
      case 'image': {
        // alt_text is required (≤ 2000); the picture is a public image_url or an uploaded slack_file ({ id } or { url }).
        if (typeof b.alt_text !== 'string' || b.alt_text.length === 0) problems.push(`${w}: image needs alt_text`);
        else if (b.alt_text.length > 2000) problems.push(`${w}.alt_text: ${b.alt_text.length} chars > 2000`);
        const file = b.slack_file;
        const hasFile = isObj(file) && (typeof file.id === 'string' || typeof file.url === 'string');
        if (hasFile === (typeof b.image_url === 'string')) problems.push(`${w}: image needs exactly one of image_url or slack_file {id|url}`);
        if (b.title !== undefined) checkText(problems, `${w}.title`, b.title, 2000, { plainOnly: true });
        break;
      }
      case 'divider':
      case 'rich_text':
      case 'markdown':
        break;
      default:
        problems.push(`${w}: unknown block type ${String(b.type)}`);
    }
  });
  if (totalText > 13000 && maxBlocks === 50) problems.push(`${where}: ${totalText} chars of block text > ~13k (msg_blocks_too_long)`);
  return problems;
}

export function checkView(view: unknown): string[] {
  if (!isObj(view)) return ['view: object expected'];
  const problems: string[] = [];
  const size = Buffer.byteLength(JSON.stringify(view), 'utf8');
  if (size > 250_000) problems.push(`view: ${size} bytes > 250 kB`);
  if (len(view.private_metadata) > 3000) problems.push('view.private_metadata > 3000 chars');
  if (len(view.callback_id) > 255) problems.push('view.callback_id > 255 chars');
  const blocks = view.blocks;
  if (view.type === 'modal') {
    checkText(problems, 'view.title', view.title, 24, { plainOnly: true, required: true });
    if (view.submit !== undefined) checkText(problems, 'view.submit', view.submit, 24, { plainOnly: true });
    if (view.close !== undefined) checkText(problems, 'view.close', view.close, 24, { plainOnly: true });
    const hasInput = Array.isArray(blocks) && blocks.some((b) => isObj(b) && b.type === 'input');
    if (hasInput && view.submit === undefined) problems.push('view: a modal with input blocks needs submit');
  } else if (view.type !== 'home') problems.push(`view: unknown type ${String(view.type)}`);
  problems.push(...checkBlocks(blocks, 100, 'view.blocks'));
  return problems;
}

export function checkMessage(args: Obj): string[] {
  const problems: string[] = [];
  if (typeof args.text !== 'string' || args.text.length === 0) problems.push('message: top-level text (notification fallback) missing');
  else if (args.text.length > 40000) problems.push('message: text > 40,000 chars');
  problems.push(...checkBlocks(args.blocks, 50, 'message.blocks'));
  return problems;
}

/** Checks one recorded Web API call (or response_url body) and returns its problems. */
export function checkCall(method: string, args: Obj): string[] {
  if (method.startsWith('views.')) return checkView(args.view).map((p) => `${method}: ${p}`);
  if (method === 'chat.postMessage' || method === 'chat.postEphemeral' || method === 'chat.update' || method === 'response_url') {
    return checkMessage(args).map((p) => `${method}: ${p}`);
  }
  return [];
}
