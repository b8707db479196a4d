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
context.setDefaultTimeout(TIMEOUT);
const page = context.pages()[0] ?? (await context.newPage());
page.on('pageerror', (error) => console.log(`PAGE ERROR ${error.message}`));
let failed = false;
try {
  await run(page);
  console.log('PASS');
} catch (error) {
  failed = true;
  console.log(`FAIL ${error.stack ?? error}`);
  await shot(page, `failure-${scenario}`).catch(() => undefined);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
