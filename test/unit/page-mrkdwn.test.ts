import { formatSlackDate, mrkdwnToHtml } from '../../src/local/page/mrkdwn';
import { viewState, initialValue, isEmpty } from '../../src/local/page/values';

/** The local workspace page's mrkdwn (as Slack's client renders it) and state.values shapes, without a browser. */
const ctx = {
  userName: (id: string) => ({ U1: 'Ola Nordmann' } as Record<string, string>)[id] ?? null,
  channelName: (id: string) => ({ C1: 'team-ola' } as Record<string, string>)[id] ?? null,
  zone: 'Europe/Oslo',
  now: new Date('2026-12-07T08:00:00Z'),
};
const md = (s: string) => mrkdwnToHtml(s, ctx);

describe('page mrkdwn', () => {
  it('bold, italics, strike only at word boundaries; code keeps its markers', () => {
    expect(md('*bold* _it_ ~st~')).toBe('<b>bold</b> <i>it</i> <s>st</s>');
    expect(md('a*b*c snake_case_name 2*3*4')).toBe('a*b*c snake_case_name 2*3*4');
    expect(md('`*not bold*`')).toBe('<code>*not bold*</code>');
    expect(md('```\n*x* <@U1>\n```')).toBe('<pre class="code-block">*x* &lt;@U1&gt;</pre>');
  });

  it('escapes: Slack’s &lt; &gt; &amp; become characters, and nothing typed becomes HTML', () => {
    expect(md('1 &lt; 2 &amp;&amp; 3 &gt; 2')).toBe('1 &lt; 2 &amp;&amp; 3 &gt; 2');
    expect(md('<img src=x onerror=alert(1)>')).toBe('<a href="#" target="_blank" rel="noopener noreferrer">img src=x onerror=alert(1)</a>');
    expect(md('"quoted"')).toBe('&quot;quoted&quot;');
  });

  it('links, mentions by name (label when unknown), special mentions', () => {
    expect(md('<https://x.no/a?b=1&amp;c=2|the site>')).toBe('<a href="https://x.no/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">the site</a>');
    expect(md('<javascript:alert(1)|click>')).toContain('href="#"');
    expect(md('<@U1> <@U9|Anna> <#C1> <#C9|other> <!here>')).toBe(
      '<span class="mention" data-user="U1">@Ola Nordmann</span> <span class="mention" data-user="U9">@Anna</span> <span class="mention channel" data-channel="C1">#team-ola</span> <span class="mention channel" data-channel="C9">#other</span> <span class="mention">@here</span>',
    );
  });

  it('quotes and bullet lines', () => {
    expect(md('&gt; one\n&gt; two\nafter')).toBe('<blockquote>one<br>two</blockquote>after');
    expect(md('• a\n• b')).toBe('<span class="li-line">• a</span><br><span class="li-line">• b</span>');
  });

  it('<!date^…> in the reader’s zone with Slack’s English words; the fallback when the token is broken', () => {
    const tomorrow9 = Date.parse('2026-12-08T08:00:00Z') / 1000;
    expect(formatSlackDate(tomorrow9, '{date_short_pretty} at {time}', 'Europe/Oslo', ctx.now)).toBe('Tomorrow at 09:00');
    expect(formatSlackDate(tomorrow9, '{date_long}', 'America/New_York', ctx.now)).toBe('Tuesday, December 8th, 2026');
    expect(formatSlackDate(tomorrow9, '{date_num} {time_secs}', 'UTC', ctx.now)).toBe('2026-12-08 08:00:00');
    expect(formatSlackDate(Date.parse('2026-12-22T12:00:00Z') / 1000, '{date_pretty}', 'Europe/Oslo', ctx.now)).toBe('December 22nd, 2026');
    expect(md(`<!date^${tomorrow9}^{date_short}|8 Dec>`)).toBe('<time datetime="2026-12-08T08:00:00.000Z">Dec 8, 2026</time>');
    expect(md('<!date^oops^|8. desember>')).toContain('8. desember');
  });
});

describe('page state.values', () => {
  const blocks = [
    { type: 'input', block_id: 'a', element: { type: 'plain_text_input', action_id: 'x', initial_value: 'hi' } },
    { type: 'input', block_id: 'b', optional: true, element: { type: 'multi_static_select', action_id: 'y', options: [] } },
    { type: 'input', block_id: 'c', element: { type: 'users_select', action_id: 'z' } },
    { type: 'section', block_id: 'd', text: { type: 'mrkdwn', text: 't' }, accessory: { type: 'datepicker', action_id: 'w', initial_date: '2026-12-07' } },
    { type: 'actions', block_id: 'e', elements: [{ type: 'button', action_id: 'v' }] },
  ];
  it('every stateful element in Slack’s shape; what was typed wins over the initial value; buttons carry none', () => {
    expect(viewState(blocks, { c: { z: { type: 'users_select', selected_user: 'U1' } } })).toEqual({
      a: { x: { type: 'plain_text_input', value: 'hi' } },
      b: { y: { type: 'multi_static_select', selected_options: [] } },
      c: { z: { type: 'users_select', selected_user: 'U1' } },
      d: { w: { type: 'datepicker', selected_date: '2026-12-07' } },
    });
  });
  it('empty values', () => {
    expect(isEmpty(initialValue({ type: 'checkboxes' }))).toBe(true);
    expect(isEmpty({ type: 'plain_text_input', value: '' })).toBe(true);
    expect(isEmpty({ type: 'radio_buttons', selected_option: { value: '1' } })).toBe(false);
  });
});
