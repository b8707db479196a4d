// End-to-end scenarios in a real Chromium (Debian's), driven by playwright-core.
// Run by org.callcentre.crm.ui.BrowserEndToEndTest against the real service:
//   node e2e/scenarios.mjs <scenario> <baseUrl> <screenshotDir>
// with CHROMIUM (the browser) and E2E_PASSWORD (every test user's password) in the environment.
// Where the test must act on the server side (post a signed Mango webhook), the script prints
// "STEP <name>" and waits for the test to answer "DONE" on stdin. "RESULT key=value" lines report
// what the test checks in the database; "PASS" ends a scenario that passed.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readline from 'node:readline';

const [scenario, baseUrl, shotDir] = process.argv.slice(2);
const password = process.env.E2E_PASSWORD;
const TIMEOUT = 15_000;
const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();

async function step(name) {
  console.log(`STEP ${name}`);
  const { value } = await lines.next();
  if (value !== 'DONE') throw new Error(`the test answered "${value}" to step ${name}`);
}

const shot = (page, name) => page.screenshot({ path: join(shotDir, `${name}.png`) });

async function signIn(page, login) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Логин', { exact: true }).fill(login);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  // the login page sends to /, which sends on to the role's home screen
  await page.waitForURL((url) => url.pathname !== '/login' && url.pathname !== '/');
}

/** Follows a menu link and waits for its screen: a screen loaded on first use replaces the old one only once it has arrived. */
async function open(page, link) {
  await page.getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { name: link, level: 1 }).waitFor({ timeout: TIMEOUT });
}

async function text(locator) {
  return (await locator.textContent())?.trim();
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

const scenarios = {
  /**
   * The jar started with CRM_DEMO=true on an empty data directory: a demo operator signs in, a demo call (played
   * through the Mango webhook) pops on her workspace, and a demo supervisor's wallboard counts the demo's calls.
   */
  async demo(page) {
    await signIn(page, 'demo-olga');
    check(new URL(page.url()).pathname === '/workspace', `demo operator landed on ${page.url()}`);
    await page.locator('[data-testid="socket-state"][data-state="open"]').waitFor({ timeout: TIMEOUT });
    const pop = page.getByTestId('screen-pop');
    await pop.waitFor({ timeout: 60_000 });
    console.log(`RESULT popCity=${await text(pop.getByTestId('pop-city'))}`);
    await shot(page, 'demo-screen-pop');

    const board = await newBrowser();
    await signIn(board, 'demo-supervisor');
    check(new URL(board.url()).pathname === '/wallboard', `demo supervisor landed on ${board.url()}`);
    const inbound = board.getByTestId('inbound-today');
    await inbound.waitFor({ timeout: TIMEOUT });
    await board.waitForFunction(() => Number(document.querySelector('[data-testid="inbound-today"]')?.textContent?.trim()) > 0,
      undefined, { timeout: 60_000 });
    console.log(`RESULT inboundToday=${await text(inbound)}`);
    await shot(board, 'demo-wallboard');
  },

  /** Login, work status, the screen-pop of a ringing call, an order made from it, found in the list. */
  async operator(page) {
    await signIn(page, 'olga');
    check(new URL(page.url()).pathname === '/workspace', `operator landed on ${page.url()}`);
    await page.getByRole('button', { name: 'На линии' }).click();
    await page.locator('.work-working[aria-pressed="true"]').waitFor();
    await page.locator('[data-testid="socket-state"][data-state="open"]').waitFor();
    await step('ring');
    const pop = page.getByTestId('screen-pop');
    await pop.waitFor({ timeout: TIMEOUT });
    check((await text(pop.getByTestId('pop-client'))) === 'Анна Петрова', `pop client: ${await text(pop.getByTestId('pop-client'))}`);
    check((await text(pop.getByTestId('pop-city'))) === 'Казань', `pop city: ${await text(pop.getByTestId('pop-city'))}`);
    await pop.getByText('Мастер не приехал').waitFor();
    await shot(page, 'operator-screen-pop');

    await pop.getByRole('link', { name: 'Создать заказ' }).click();
    await page.waitForURL(/\/orders\/new\?/);
    const phone = page.getByLabel('Телефон', { exact: true });
    check((await phone.inputValue()) === '+79161234567', `pre-filled phone: ${await phone.inputValue()}`);
    check((await page.getByLabel('Имя клиента', { exact: true }).inputValue()) === 'Анна Петрова', 'pre-filled client name');
    // a number the API refuses: its message appears beside the phone field, nothing is created
    await phone.fill('12');
    await page.getByRole('button', { name: 'Создать' }).click();
    await page.locator('.field-invalid .field-error').first().waitFor({ timeout: TIMEOUT });
    check((await phone.getAttribute('aria-invalid')) === 'true', 'phone marked invalid');
    await shot(page, 'order-field-error');
    await phone.fill('+79161234567');
    await page.getByLabel('Техника', { exact: true }).fill('Стиральная машина');
    await page.getByLabel('Неисправность', { exact: true }).fill('Не сливает воду');
    await page.getByLabel('Адрес', { exact: true }).fill('Казань, ул. Баумана, 12');
    await page.getByRole('button', { name: 'Создать' }).click();
    await page.waitForURL(/\/orders\?created=\d+/, { timeout: TIMEOUT });
    const orderId = new URL(page.url()).searchParams.get('created');
    const row = page.getByRole('row').filter({ hasText: 'Не сливает воду' });
    await row.first().waitFor({ timeout: TIMEOUT });
    check((await text(row.first().getByRole('cell').first())) === orderId, 'the new order is in the list');
    await shot(page, 'orders-list');
    console.log(`RESULT orderId=${orderId}`);

    await open(page, 'Звонки');
    await page.getByRole('row').filter({ hasText: 'Анна Петрова' }).first().waitFor({ timeout: TIMEOUT });
    await shot(page, 'calls-list');
  },

  /** The wallboard's count of waiting calls moves without a reload when a call starts ringing. */
  async supervisor(page) {
    await signIn(page, 'boss');
    check(new URL(page.url()).pathname === '/wallboard', `supervisor landed on ${page.url()}`);
    const waiting = page.getByTestId('calls-waiting');
    await waiting.waitFor({ timeout: TIMEOUT });
    await page.getByRole('status').filter({ hasText: 'На связи' }).waitFor({ timeout: TIMEOUT });
    const before = Number(await text(waiting));
    await step('ring-queue');
    await page.waitForFunction(
      (expected) => document.querySelector('[data-testid="calls-waiting"]')?.textContent?.trim() === String(expected),
      before + 1,
      { timeout: TIMEOUT },
    );
    console.log(`RESULT before=${before}`);
    console.log(`RESULT after=${await text(waiting)}`);
    await shot(page, 'wallboard');
    await open(page, 'Статистика');
    await page.getByRole('tabpanel').getByRole('cell', { name: 'Ольга Смирнова' }).waitFor({ timeout: TIMEOUT });
    await page.locator('.recharts-bar-rectangle').first().waitFor({ timeout: TIMEOUT });
    await shot(page, 'stats');
  },

  /** An admin adds a city (a refused save first shows the API's message beside the field) and a SIP line. */
  async admin(page) {
    await signIn(page, 'admin');
    await page.getByRole('link', { name: 'Администрирование' }).click();
    await page.getByRole('heading', { name: 'Операторы', level: 1 }).waitFor({ timeout: TIMEOUT });
    await open(page, 'Города');
    await page.getByRole('button', { name: 'Добавить' }).click();
    const form = page.getByRole('form');
    await form.getByRole('button', { name: 'Создать' }).click();
    await form.locator('.field-invalid .field-error').first().waitFor({ timeout: TIMEOUT });
    check((await form.getByLabel('Название', { exact: true }).getAttribute('aria-invalid')) === 'true', 'name marked invalid');
    await form.getByLabel('Название', { exact: true }).fill('Самара');
    await form.getByLabel('Часовой пояс', { exact: true }).fill('Europe/Samara');
    await form.getByRole('checkbox', { name: 'Сб' }).check();
    await form.getByRole('button', { name: 'Создать' }).click();
    await page.getByRole('cell', { name: 'Самара', exact: true }).waitFor({ timeout: TIMEOUT });
    await shot(page, 'admin-cities');

    await open(page, 'SIP-линии');
    await page.getByRole('button', { name: 'Добавить' }).click();
    await form.getByLabel('Название', { exact: true }).fill('samara-trunk');
    await form.getByLabel('Хост', { exact: true }).fill('127.0.0.1');
    await form.getByLabel('Порт', { exact: true }).fill('5062');
    await form.getByLabel('Пароль (только запись)', { exact: true }).fill('s3cret-sip');
    await form.getByLabel('Город', { exact: true }).selectOption('Самара');
    await form.getByRole('button', { name: 'Создать' }).click();
    await page.getByRole('cell', { name: 'samara-trunk', exact: true }).waitFor({ timeout: TIMEOUT });
    await shot(page, 'admin-sip-lines');

    await open(page, 'Операторы');
    await page.getByRole('cell', { name: 'olga', exact: true }).waitFor({ timeout: TIMEOUT });
    await shot(page, 'admin-operators');
  },

  /**
   * Access tokens live 3 s here: after they expire the screen-pop socket is back (renewed) and still
   * brings the pop, lists still load; with the refresh tokens revoked, the next request ends on the
   * login page saying the session expired.
   */
  async session(page) {
    await signIn(page, 'olga');
    await page.locator('[data-testid="socket-state"][data-state="open"]').waitFor();
    await page.waitForTimeout(4500); // the server closes the socket (1008) when its token expires
    await page.locator('[data-testid="socket-state"][data-state="open"]').waitFor();
    await step('ring');
    await page.getByTestId('screen-pop').waitFor({ timeout: TIMEOUT });
    await page.waitForTimeout(3500);
    await open(page, 'Заказы');
    await page.getByText('строк: 0').waitFor({ timeout: TIMEOUT });
    check(new URL(page.url()).pathname === '/orders', `after a refresh the page is ${page.url()}`);
    await step('revoke');
    await page.waitForTimeout(3500);
    await page.getByRole('link', { name: 'Звонки' }).click();
    await page.waitForURL(/\/login\?expired=1/, { timeout: TIMEOUT });
    await page.getByText('Сессия истекла, войдите снова.').waitFor();
    await shot(page, 'session-expired');
  },

  /** A supervisor adds a knowledge-base entry and the AI tester answers a client's question from it. */
  async knowledge(page) {
    await signIn(page, 'boss');
    await open(page, 'База знаний');
    await page.getByRole('region', { name: 'База знаний' }).getByRole('button', { name: 'Добавить' }).click();
    const form = page.getByRole('form', { name: 'Добавить' });
    await form.getByLabel('Категория', { exact: true }).fill('цены');
    await form.getByLabel('Заголовок', { exact: true }).fill('Стоимость диагностики');
    await form.getByLabel('Вопросы (по одному в строке)', { exact: true }).fill('Сколько стоит диагностика холодильника?\nЦена диагностики');
    await form.getByLabel('Ответ', { exact: true }).fill('Диагностика бесплатна, если вы ремонтируете у нас.');
    await form.getByRole('button', { name: 'Создать' }).click();
    await page.getByRole('cell', { name: 'Стоимость диагностики', exact: true }).waitFor({ timeout: TIMEOUT });

    await page.getByLabel('Вопрос клиента', { exact: true }).fill('сколько стоит диагностика холодильника');
    await page.getByRole('button', { name: 'Спросить' }).click();
    const answer = page.getByTestId('ai-answer');
    await answer.waitFor({ timeout: TIMEOUT });
    check((await text(answer)) === 'Диагностика бесплатна, если вы ремонтируете у нас.', `AI answer: ${await text(answer)}`);
    await page.getByTestId('ai-result').getByText('ИИ отвечает сам').waitFor();
    await page.getByTestId('ai-result').getByText('Стоимость диагностики').waitFor();
    console.log(`RESULT confidence=${await text(page.getByTestId('ai-confidence'))}`);
    await shot(page, 'knowledge-ai-tester');
  },

  /**
   * A picture a client sent on Avito shows in the chat: loaded through the service's own origin with the
   * token (the content-security policy allows no other images) and decoded by the browser.
   */
  async chatImage(page) {
    await signIn(page, 'olga');
    await step('picture');
    await open(page, 'Чаты');
    const row = page.getByRole('row').filter({ hasText: 'ждёт оператора' });
    await row.first().waitFor({ timeout: TIMEOUT });
    await row.first().click();
    await page.waitForURL(/\/conversations\/\d+$/);
    const image = page.getByTestId('chat-image');
    await image.waitFor({ timeout: TIMEOUT });
    await page.waitForFunction(() => {
      const img = document.querySelector('[data-testid="chat-image"]');
      return img && img.complete && img.naturalWidth > 0;
    }, null, { timeout: TIMEOUT });
    check((await page.getByTestId('messages').getByText('[image]').count()) === 0, 'the picture replaces the "[image]" text');
    await shot(page, 'chat-image');
    console.log(`RESULT size=${await image.evaluate((img) => `${img.naturalWidth}x${img.naturalHeight}`)}`);
    console.log(`RESULT src=${(await image.getAttribute('src')).split(':')[0]}`);
  },

  /**
   * A client's Avito message nobody in the city can take lands in the operators' queue; an operator
   * opens it, replies while Avito refuses (the failure and the coming retry shown), replies again
   * (delivered), and rates the AI's decision on the client's message.
   */
  async conversation(page) {
    await signIn(page, 'olga');
    await step('chat');
    await open(page, 'Чаты');
    const row = page.getByRole('row').filter({ hasText: 'ждёт оператора' });
    await row.first().waitFor({ timeout: TIMEOUT });
    await shot(page, 'conversations-queue');
    await row.first().click();
    await page.waitForURL(/\/conversations\/\d+$/);
    const messages = page.getByTestId('messages');
    await messages.getByText('Сколько стоит ремонт стиральной машины?').waitFor({ timeout: TIMEOUT });
    await messages.locator('.message-system[data-delivery="sent"]').waitFor();

    const reply = page.getByLabel('Ответ клиенту', { exact: true });
    await reply.fill('Здравствуйте! Диагностика бесплатна.');
    await page.getByRole('button', { name: 'Отправить' }).click();
    const failed = messages.locator('.message-operator[data-delivery="retrying"]');
    await failed.waitFor({ timeout: TIMEOUT });
    await failed.getByText('ошибка, повтор').waitFor();
    check((await failed.locator('.field-error').count()) === 1, 'the delivery error is shown');

    await reply.fill('Мастер может приехать завтра с 10 до 12.');
    await page.getByRole('button', { name: 'Отправить' }).click();
    const delivered = messages.locator('.message-operator[data-delivery="sent"]').filter({ hasText: 'Мастер может приехать' });
    await delivered.waitFor({ timeout: TIMEOUT });
    await delivered.getByText('доставлено').waitFor();

    await page.getByRole('button', { name: 'Оценить ответ ИИ' }).click();
    await page.getByText('оценка 5.0 (1)').waitFor({ timeout: TIMEOUT });
    await shot(page, 'conversation');
    console.log(`RESULT conversationId=${new URL(page.url()).pathname.split('/').pop()}`);
  },

  /**
   * A supervisor finds a call by what was said in it, hears its recording (fetched with the token),
   * sees the failed transcription job, the transcript by speaker and the generated draft, corrects
   * the draft and accepts it as the call's order.
   */
  async 'call-detail'(page) {
    await signIn(page, 'boss');
    await open(page, 'Звонки');
    const said = page.getByLabel('Текст разговора', { exact: true });
    await said.fill('холодильник');
    await page.getByText('строк: 0').waitFor({ timeout: TIMEOUT });
    await said.fill('сливает');
    await page.getByText('строк: 1').waitFor({ timeout: TIMEOUT });
    await page.getByRole('row').filter({ hasText: 'Казань' }).first().click();
    await page.waitForURL(/\/calls\/\d+$/);

    await page.waitForFunction(() => {
      const audio = document.querySelector('[data-testid="recording-player"]');
      return audio && audio.src.startsWith('blob:') && audio.readyState >= 1 && audio.duration > 2;
    }, undefined, { timeout: TIMEOUT });
    const transcript = page.getByTestId('transcript');
    await transcript.locator('li').filter({ hasText: 'Распознавание' }).getByText('ошибка', { exact: true }).waitFor();
    await transcript.getByRole('button', { name: 'Повторить распознавание' }).waitFor();
    const client = transcript.locator('.turn-client');
    check((await client.count()) === 1, 'one client turn');
    check((await text(client)).includes('не сливает воду'), `client turn: ${await text(client)}`);
    check((await transcript.locator('.turn-operator').count()) === 1, 'one operator turn');

    const draft = page.getByTestId('order-draft');
    await draft.getByText('создан автоматически', { exact: false }).waitFor({ timeout: TIMEOUT });
    await draft.getByLabel('Неисправность', { exact: true }).fill('Не сливает воду, течёт');
    await draft.getByLabel('Техника', { exact: true }).fill('Стиральная машина');
    await page.screenshot({ path: join(shotDir, 'call-detail.png'), fullPage: true });
    await draft.getByRole('button', { name: 'Принять и создать заказ' }).click();
    const created = draft.getByRole('link', { name: /^№\d+$/ });
    await created.waitFor({ timeout: TIMEOUT });
    check((await draft.getByRole('textbox').count()) === 0, 'an accepted draft is no longer offered for editing');
    console.log(`RESULT orderId=${(await text(created)).slice(1)}`);
  },

  /**
   * An operator finds a client by a number typed the way people say it, adds a note, and sees the
   * note, the call, the Avito chat and the order in the client's timeline.
   */
  async 'client-card'(page) {
    await signIn(page, 'olga');
    await open(page, 'Клиенты');
    await page.getByLabel('Телефон, имя', { exact: true }).fill('8 (912) 345-67-89');
    await page.getByText('строк: 1').waitFor({ timeout: TIMEOUT });
    await shot(page, 'clients-search');
    await page.getByRole('row').filter({ hasText: 'Мария Кузнецова' }).click();
    await page.waitForURL(/\/clients\/\d+$/);
    await page.getByRole('heading', { name: 'Мария Кузнецова', level: 1 }).waitFor({ timeout: TIMEOUT });
    await page.getByLabel('Новая заметка', { exact: true }).fill('Перезвонить после 18:00, домофон не работает');
    await page.getByRole('button', { name: 'Добавить заметку' }).click();
    await page.getByTestId('client-notes').getByText('Перезвонить после 18:00, домофон не работает').waitFor({ timeout: TIMEOUT });
    const timeline = page.getByTestId('timeline');
    await timeline.locator('li[data-kind="note"]').filter({ hasText: 'домофон не работает' }).waitFor({ timeout: TIMEOUT });
    await timeline.locator('li[data-kind="call"]').filter({ hasText: 'отвечен' }).waitFor();
    await timeline.locator('li[data-kind="chat"]').filter({ hasText: 'Ремонт холодильников' }).waitFor();
    await timeline.locator('li[data-kind="order"]').filter({ hasText: 'Не морозит' }).waitFor();
    const kinds = await timeline.locator('li').evaluateAll((items) => items.map((li) => li.dataset.kind));
    console.log(`RESULT kinds=${kinds.join(',')}`);
    console.log(`RESULT clientId=${new URL(page.url()).pathname.split('/').pop()}`);
    await page.screenshot({ path: join(shotDir, 'client-card.png'), fullPage: true });
  },

  /**
   * An operator opens "my statistics" for the last 7 days; a supervisor opens the same operator
   * from the operators' statistics. Each figure is reported for the test to compare.
   */
  async 'my-stats'(page) {
    const report = async (who) => {
      await page.getByRole('button', { name: '7 дней' }).click();
      const tiles = page.getByTestId('my-stats');
      await tiles.locator('[data-kpi="revenue"]').waitFor({ timeout: TIMEOUT });
      // the week's figures replace today's: wait until the request for the new period has answered
      await page.waitForLoadState('networkidle');
      for (const kpi of ['calls', 'accepted', 'missed', 'talk', 'orders']) {
        console.log(`RESULT ${who}.${kpi}=${await text(tiles.locator(`[data-kpi="${kpi}"] .tile-value`))}`);
      }
      const revenue = await text(tiles.locator('[data-kpi="revenue"] .tile-value'));
      console.log(`RESULT ${who}.revenue=${revenue.replace(/\D/g, '')}`);
    };
    await signIn(page, 'olga');
    await open(page, 'Моя статистика');
    await report('own');
    await shot(page, 'my-stats');
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.waitForURL(/\/login/);

    await signIn(page, 'boss');
    await open(page, 'Статистика');
    await page.getByRole('tabpanel').getByRole('link', { name: 'Ольга Смирнова' }).click();
    await page.getByRole('heading', { name: 'Статистика: Ольга Смирнова', level: 1 }).waitFor({ timeout: TIMEOUT });
    await report('supervisor');
  },

  /**
   * An operator schedules a call-back 15 s ahead from the client card, goes to the workspace and
   * gets the reminder pushed on the socket at the due time (not asked for: data-via="push").
   */
  async 'task-reminder'(page) {
    await signIn(page, 'olga');
    await open(page, 'Клиенты');
    await page.getByLabel('Телефон, имя', { exact: true }).fill('8 (912) 345-67-89');
    await page.getByRole('row').filter({ hasText: 'Мария Кузнецова' }).click();
    await page.getByRole('link', { name: 'Запланировать звонок' }).click();
    await page.waitForURL(/\/tasks\/new\?/);
    const due = new Date(Date.now() + 15_000);
    // the wall time in the browser's zone (Moscow here), not in this script's
    const local = await page.evaluate((at) => {
      const d = new Date(at);
      const pad = (n) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    }, due.getTime());
    await page.getByLabel('Когда', { exact: true }).fill(local);
    await page.getByLabel('Заметка', { exact: true }).fill('Уточнить время визита мастера');
    await page.getByLabel('Приоритет', { exact: true }).selectOption('high');
    await page.getByRole('button', { name: 'Создать' }).click();
    await page.waitForURL(/\/tasks\?created=\d+/, { timeout: TIMEOUT });
    const taskId = new URL(page.url()).searchParams.get('created');
    await page.getByRole('cell', { name: 'Перезвонить клиенту' }).waitFor({ timeout: TIMEOUT });
    await shot(page, 'tasks');
    await open(page, 'Рабочее место');
    await page.locator('[data-testid="socket-state"][data-state="open"]').waitFor();
    check(Date.now() < due.getTime(), 'the workspace connected only after the task was due: the test proves nothing');
    const reminder = page.getByTestId('task-reminder').filter({ hasText: 'Перезвонить клиенту' });
    await reminder.waitFor({ timeout: 40_000 });
    console.log(`RESULT via=${await reminder.getAttribute('data-via')}`);
    console.log(`RESULT lateMs=${Date.now() - due.getTime()}`);
    console.log(`RESULT taskId=${taskId}`);
    await shot(page, 'task-reminder');
    await reminder.getByRole('button', { name: 'Понятно' }).click();
    await reminder.waitFor({ state: 'detached' });
    await step('seen');
  },

  /**
   * An operator picks the outcome of an answered call on its screen-pop; the supervisor sees it
   * counted on the statistics' call outcomes.
   */
  async disposition(page) {
    await signIn(page, 'olga');
    await page.getByRole('button', { name: 'На линии' }).click();
    await page.locator('.work-working[aria-pressed="true"]').waitFor();
    await page.locator('[data-testid="socket-state"][data-state="open"]').waitFor();
    await step('ring-and-answer');
    const pop = page.getByTestId('screen-pop');
    const picker = pop.getByRole('form', { name: 'Итог звонка' });
    await picker.waitFor({ timeout: TIMEOUT });
    await picker.getByLabel('Итог звонка', { exact: true }).selectOption({ label: 'Оформлен заказ' });
    await picker.getByRole('button', { name: 'Сохранить итог' }).click();
    await picker.getByText('Сохранено').waitFor({ timeout: TIMEOUT });
    await shot(page, 'disposition-pop');
    await step('hang-up');

    await page.evaluate(() => localStorage.clear());
    await signIn(page, 'boss');
    await open(page, 'Статистика');
    await page.getByRole('tab', { name: 'Итоги звонков' }).click();
    const row = page.getByRole('tabpanel').getByRole('row').filter({ hasText: 'Оформлен заказ' });
    await row.waitFor({ timeout: TIMEOUT });
    console.log(`RESULT counted=${await text(row.getByRole('cell').nth(1))}`);
    await shot(page, 'stats-dispositions');
  },

  /**
   * An admin reads the notification log: a job card e-mail that failed (no SMTP server is set) shows
   * as not delivered with its error, and the order it belongs to lists it too.
   */
  async 'notification-log'(page) {
    await signIn(page, 'admin');
    await page.getByRole('link', { name: 'Администрирование' }).click();
    await open(page, 'Уведомления');
    const failedRow = page.getByRole('row').filter({ hasText: 'не доставлено' });
    await failedRow.first().waitFor({ timeout: TIMEOUT });
    console.log(`RESULT failedRows=${await failedRow.count()}`);
    console.log(`RESULT error=${(await text(failedRow.first())).includes('e-mail is off')}`);
    console.log(`RESULT retryOffered=${await failedRow.first().getByRole('button', { name: 'Повторить' }).count()}`);
    await shot(page, 'notification-log');
    await failedRow.first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Уведомления по заказу', level: 2 }).waitFor({ timeout: TIMEOUT });
    const orderRows = page.getByRole('region', { name: 'Уведомления по заказу' }).getByRole('row').filter({ hasText: 'E-mail' });
    await orderRows.first().waitFor({ timeout: TIMEOUT });
    await shot(page, 'order-notifications');
    console.log(`RESULT orderRows=${await orderRows.count()}`);
  },

  /**
   * An operator answers a queued chat with a template found by "/адрес", then inserts the AI's
   * suggestion (its confidence and source shown) and sends it as offered.
   */
  async 'reply-assist'(page) {
    await signIn(page, 'olga');
    await step('chat');
    await open(page, 'Чаты');
    const row = page.getByRole('row').filter({ hasText: 'ждёт оператора' });
    await row.first().waitFor({ timeout: TIMEOUT });
    await row.first().click();
    await page.waitForURL(/\/conversations\/\d+$/);
    const reply = page.getByLabel('Ответ клиенту', { exact: true });
    await reply.fill('/адрес');
    await page.getByTestId('quick-replies').getByRole('button', { name: 'Адрес сервиса' }).click();
    check((await reply.inputValue()) === 'Мы на ул. Баумана, 1, с 9 до 18.', 'the template is in the reply box');
    await page.getByRole('button', { name: 'Отправить' }).click();
    const messages = page.getByTestId('messages');
    await messages.locator('.message-operator[data-delivery="sent"]').filter({ hasText: 'Баумана' }).waitFor({ timeout: TIMEOUT });
    const suggestion = page.getByTestId('ai-suggestion');
    await suggestion.waitFor({ timeout: TIMEOUT });
    console.log(`RESULT source=${await text(suggestion.getByTestId('suggestion-sources'))}`);
    console.log(`RESULT confidence=${await text(suggestion.getByTestId('suggestion-confidence'))}`);
    await suggestion.getByRole('button', { name: 'Вставить' }).click();
    check((await reply.inputValue()) === 'Гарантия на работу — 12 месяцев.', 'the suggestion is in the reply box');
    await shot(page, 'reply-assist');
    await page.getByRole('button', { name: 'Отправить' }).click();
    await messages.locator('.message-operator[data-delivery="sent"]').filter({ hasText: '12 месяцев' }).waitFor({ timeout: TIMEOUT });
  },

  /**
   * A supervisor opens the AI review, adds the first handed-off question of the largest group to the
   * entry the page proposes in one click, sees it leave the list, and reads the weakest draft field.
   */
  async 'ai-review'(page) {
    await signIn(page, 'boss');
    await open(page, 'Разбор ИИ');
    const groups = page.getByTestId('handoff-group');
    await groups.first().waitFor({ timeout: TIMEOUT });
    console.log(`RESULT groups=${await groups.count()}`);
    const question = groups.first().getByTestId('handoff-question').first();
    const asked = await text(question.locator('q'));
    await question.getByRole('button', { name: 'Добавить вариантом' }).click();
    await page.getByText('Вопрос добавлен в «Ремонт электросамокатов»').waitFor({ timeout: TIMEOUT });
    await page.waitForFunction((q) => ![...document.querySelectorAll('[data-testid="handoff-question"] q')].some((e) => e.textContent === q),
      asked, { timeout: TIMEOUT });
    console.log(`RESULT added=${asked}`);
    console.log(`RESULT questionsLeft=${await page.getByTestId('handoff-question').count()}`);
    const edits = page.getByRole('region', { name: 'Правки черновиков заказов по полям' });
    const firstRow = edits.getByRole('row').nth(1);
    await firstRow.waitFor({ timeout: TIMEOUT });
    console.log(`RESULT weakestField=${await text(firstRow.getByRole('cell').first())}`);
    console.log(`RESULT weakestShare=${await text(firstRow.getByRole('cell').last())}`);
    await shot(page, 'ai-review');
  },

  /**
   * An operator opens her profile from her name, is refused a wrong current password and a short new
   * one (each beside its field), changes it, and signs in again with the new one.
   */
  async profile(page) {
    await signIn(page, 'olga');
    await page.getByTestId('current-user').click();
    await page.getByRole('heading', { name: 'Профиль', level: 1 }).waitFor({ timeout: TIMEOUT });
    const current = page.getByLabel('Текущий пароль', { exact: true });
    const fresh = page.getByLabel('Новый пароль', { exact: true });
    const repeat = page.getByLabel('Новый пароль ещё раз', { exact: true });
    await current.fill('not-my-password');
    await fresh.fill('Snegopad-2026-kazan');
    await repeat.fill('Snegopad-2026-kazan');
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    await page.locator('.field-invalid .field-error').first().waitFor({ timeout: TIMEOUT });
    check((await current.getAttribute('aria-invalid')) === 'true', 'a wrong current password is shown beside its field');
    await current.fill(password);
    await fresh.fill('short');
    await repeat.fill('short');
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    await page.waitForFunction(() => document.querySelector('input[name="newPassword"]')?.getAttribute('aria-invalid') === 'true', undefined, { timeout: TIMEOUT });
    await shot(page, 'profile');
    await fresh.fill('Snegopad-2026-kazan');
    await repeat.fill('Snegopad-2026-kazan');
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    await page.waitForURL(/\/login\?passwordChanged=1&/, { timeout: TIMEOUT });
    await page.getByText('Пароль изменён. Войдите с новым паролем.').waitFor();
    await page.getByLabel('Логин', { exact: true }).fill('olga');
    await page.getByLabel('Пароль', { exact: true }).fill('Snegopad-2026-kazan');
    await page.getByRole('button', { name: 'Войти' }).click();
    // back where she was
    await page.getByRole('heading', { name: 'Профиль', level: 1 }).waitFor({ timeout: TIMEOUT });
  },

  /**
   * Two operators of one city, each in a browser of their own, sit at the workspace; a supervisor
   * watches the wallboard in a third. A chat queued for people reaches both operators over the socket
   * — the chat-queue list is refused to them from then on, so a page that re-read it on a timer would
   * show nothing — with the badge up and a chime. Its 5 s first-response deadline passes: the chat
   * turns red in both, and the wallboard counts it waiting and overdue. Olga takes it; Pavel's browser
   * shows it taken by her, and the board no longer counts it waiting. Each browser's push arrival time
   * is reported for the test to print the latency. The board's chat tiles and the statistics page's chats
   * tab then count the chat and its breach.
   */
  async 'chat-queue'(page) {
    const boss = await newBrowser();
    await signIn(boss, 'boss');
    const board = (figure, value) => boss.getByTestId(figure).filter({ hasText: new RegExp(`^${value}$`) }).waitFor({ timeout: TIMEOUT });
    await board('chats-waiting', 0);
    await boss.getByRole('status').filter({ hasText: 'На связи' }).waitFor({ timeout: TIMEOUT });
    const operators = [['olga', page], ['pavel', await newBrowser()]];
    const pushedAt = {};
    const listReads = {};
    for (const [login, p] of operators) {
      // the chime is counted at the browser's own audio API, not in the page's code
      await p.addInitScript(() => {
        window.__tones = 0;
        const create = AudioContext.prototype.createOscillator;
        AudioContext.prototype.createOscillator = function () { window.__tones++; return create.call(this); };
      });
      p.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => {
        if (String(payload).includes('"event":"queued"')) pushedAt[login] ??= Date.now();
      }));
      await signIn(p, login);
      check(new URL(p.url()).pathname === '/workspace', `${login} landed on ${p.url()}`);
      await p.locator('[data-testid="socket-state"][data-state="open"]').waitFor();
      // the queue was read once the socket was live: empty
      await p.getByTestId('chat-queue-count').filter({ hasText: /^0$/ }).waitFor({ timeout: TIMEOUT });
      listReads[login] = 0;
      await p.route(/\/api\/conversations(\?|$)/, (route) => {
        listReads[login]++;
        return route.abort();
      });
    }
    await step('queue-chat');
    for (const [login, p] of operators) {
      await p.getByTestId('queued-chat').first().waitFor({ timeout: TIMEOUT });
      await p.getByTestId('chat-queue-count').filter({ hasText: /^1$/ }).waitFor();
      console.log(`RESULT ${login}.shownAt=${Date.now()}`);
      console.log(`RESULT ${login}.pushedAt=${pushedAt[login]}`);
      console.log(`RESULT ${login}.tones=${await p.evaluate(() => window.__tones)}`);
      console.log(`RESULT ${login}.listReads=${listReads[login]}`);
    }
    for (const [login, p] of operators) {
      await p.locator('[data-testid="queued-chat"] [data-testid="sla"][data-breached="true"]').waitFor({ timeout: TIMEOUT });
      console.log(`RESULT ${login}.red=${await p.locator('[data-testid="queued-chat"] .sla-breached').count()}`);
    }
    await board('chats-waiting', 1);
    await board('chats-overdue', 1);
    await shot(boss, 'chat-queue-wallboard');
    const [[, olga], [, pavel]] = operators;
    await shot(olga, 'chat-queue-olga');
    await olga.getByTestId('queued-chat').first().getByRole('button', { name: 'Взять чат' }).click();
    await olga.getByTestId('chat-owner').filter({ hasText: 'Ольга Смирнова' }).waitFor({ timeout: TIMEOUT });
    const taken = pavel.getByTestId('queued-chat').first().getByTestId('chat-owner');
    await taken.waitFor({ timeout: TIMEOUT });
    console.log(`RESULT pavel.sees=${await text(taken)}`);
    console.log(`RESULT pavel.badge=${await text(pavel.getByTestId('chat-queue-count'))}`);
    console.log(`RESULT pavel.listReadsAfterTake=${listReads.pavel}`);
    await board('chats-waiting', 0);
    console.log(`RESULT board.overdueAfterTake=${await text(boss.getByTestId('chats-overdue'))}`);
    console.log(`RESULT chatId=${await olga.getByTestId('queued-chat').first().getAttribute('data-id')}`);
    await shot(pavel, 'chat-queue-pavel-taken');

    // today's chat tiles of the board, then the statistics page's chats tab, both from the chat rollups
    await board('chats-today', 1);
    await board('chat-breaches-today', 1);
    console.log(`RESULT board.chatsToday=${await text(boss.getByTestId('chats-today'))}`);
    console.log(`RESULT board.chatBreachesToday=${await text(boss.getByTestId('chat-breaches-today'))}`);
    await open(boss, 'Статистика');
    await boss.getByRole('tab', { name: 'Чаты' }).click();
    await boss.getByTestId('chat-total').filter({ hasText: /^1$/ }).waitFor({ timeout: TIMEOUT });
    console.log(`RESULT stats.chats=${await text(boss.getByTestId('chat-total'))}`);
    console.log(`RESULT stats.breaches=${await text(boss.getByTestId('chat-breaches'))}`);
    await shot(boss, 'stats-chats-tab');
  },

  /** An operator sees no admin menu, and a deep link to an admin page shows "no access". */
  async 'operator-denied'(page) {
    await signIn(page, 'olga');
    check((await page.getByRole('link', { name: 'Администрирование' }).count()) === 0, 'the admin menu is shown to an operator');
    await page.goto(`${baseUrl}/admin/cities`);
    await page.getByTestId('no-access').waitFor({ timeout: TIMEOUT });
    check((await page.getByRole('button', { name: 'Добавить' }).count()) === 0, 'the admin form is offered to an operator');
    await shot(page, 'operator-no-access');
  },
};

const run = scenarios[scenario];
if (!run) {
  console.error(`unknown scenario ${scenario}; known: ${Object.keys(scenarios).join(', ')}`);
  process.exit(2);
}
/** A browser of its own (its own Chromium process and profile), as a second person's computer would be. */
const browsers = [];
async function newBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'crm-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--lang=ru-RU'],
    viewport: { width: 1366, height: 800 },
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    reducedMotion: 'reduce',
  });
  browsers.push({ context, profile });
  context.setDefaultTimeout(TIMEOUT);
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => console.log(`PAGE ERROR ${error.message}`));
  return page;
}

const page = await newBrowser();
let failed = false;
try {
  await run(page);
  console.log('PASS');
} catch (error) {
  failed = true;
  console.log(`FAIL ${error.stack ?? error}`);
  await shot(page, `failure-${scenario}`).catch(() => undefined);
} finally {
  for (const { context, profile } of browsers) {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
process.exit(failed ? 1 : 0);
