#!/usr/bin/env node
// A deterministic generator of support knowledge-base articles in English and Russian, for the
// search benchmark at scale (default 50,000 articles), and of labelled queries whose expected
// article is known.
//
//   import { generateKb } from './gen.mjs';  generateKb({ articles: 50000, queries: 300, seed })
//   node bench/search/gen.mjs [--articles N] [--queries N] [--seed S] --out DIR
//     writes DIR/articles.json and DIR/queries.jsonl (the shapes of data/kb)
//
// Each article is one (problem, product) pair: a product is brand + product type + model
// ("Zentrix router R540"), a problem is one of the hand-written problems of the product's area,
// in the article's language. No two articles share (language, problem, brand, model), so a query
// that names the product's brand and model and describes the problem has exactly one right
// article, while the same problem on other products and other problems on the same product are
// the distractors. Everything comes from the word lists below and a seeded PRNG (sfc32), so the
// same options give byte-identical output on every machine.
//
// Query kinds (mixed en/ru like the articles):
//   paraphrase  the problem in other words than the title + brand and model
//   typo        the same with one or two typos (deleted, doubled, swapped or replaced letters)
//   symptom     one of the article's symptom lines + the model
//   code        "error <code>" + brand (articles about error codes only)
//   title       the first words of the title, lower-cased, as typed

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------------------------------------
// PRNG

function hashSeed(s) {
  // xmur3: a string -> 32-bit seeds
  let h = 1779033703 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
}

export function makeRng(seed) {
  const next = hashSeed(String(seed));
  let a = next();
  let b = next();
  let c = next();
  let d = next();
  const rnd = () => {
    // sfc32
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) rnd();
  const int = (n) => Math.floor(rnd() * n);
  const pick = (arr) => arr[int(arr.length)];
  const chance = (p) => rnd() < p;
  const sample = (arr, k) => {
    const copy = arr.slice();
    const out = [];
    while (out.length < k && copy.length) out.push(copy.splice(int(copy.length), 1)[0]);
    return out;
  };
  return { rnd, int, pick, chance, sample };
}

// ---------------------------------------------------------------------------------------------
// word lists

const BRANDS = [
  'Zentrix', 'Norvik', 'Alturo', 'Bellcom', 'Corvana', 'Dexlink', 'Elmira', 'Fornax', 'Gravix', 'Helion',
  'Istra', 'Jovent', 'Kestrel', 'Lumora', 'Maxtel', 'Nexaro', 'Ostrava', 'Pulsar', 'Quartex', 'Rovena',
  'Selvar', 'Tavros', 'Ultima', 'Vektor', 'Wexford', 'Xenor', 'Yarden', 'Zorbit', 'Amstel', 'Borealis',
  'Cintra', 'Dorado', 'Evrika', 'Faro', 'Gemma', 'Harbin', 'Ilmen', 'Kama', 'Ladoga', 'Mirax',
];

// Product types per area: [en, ru nominative, ru genitive]. Model prefixes are per area.
const AREAS = {
  network: { category: 'technical', prefix: ['R', 'AX', 'N', 'M'], types: [['router', 'роутер', 'роутера'], ['access point', 'точка доступа', 'точки доступа'], ['modem', 'модем', 'модема'], ['mesh system', 'mesh-система', 'mesh-системы']] },
  printing: { category: 'technical', prefix: ['P', 'LJ', 'MF', 'S'], types: [['printer', 'принтер', 'принтера'], ['scanner', 'сканер', 'сканера'], ['MFP', 'МФУ', 'МФУ']] },
  email: { category: 'technical', prefix: ['MX', 'Mail ', 'E'], types: [['mail client', 'почтовый клиент', 'почтового клиента'], ['mail server', 'почтовый сервер', 'почтового сервера']] },
  account: { category: 'account', prefix: ['ID ', 'Cloud ', 'A'], types: [['portal', 'портал', 'портала'], ['account', 'учётная запись', 'учётной записи']] },
  payments: { category: 'billing', prefix: ['T', 'Pay ', 'POS '], types: [['payment terminal', 'платёжный терминал', 'платёжного терминала'], ['billing portal', 'биллинг', 'биллинга']] },
  mobile: { category: 'technical', prefix: ['App ', 'Go ', 'Mobile '], types: [['mobile app', 'мобильное приложение', 'мобильного приложения'], ['tablet app', 'приложение для планшета', 'приложения для планшета']] },
  hardware: { category: 'technical', prefix: ['X', 'Book ', 'D', 'V'], types: [['laptop', 'ноутбук', 'ноутбука'], ['monitor', 'монитор', 'монитора'], ['docking station', 'док-станция', 'док-станции']] },
  shipping: { category: 'orders', prefix: ['Order ', 'Box ', 'S-'], types: [['delivery service', 'служба доставки', 'службы доставки'], ['online store', 'интернет-магазин', 'интернет-магазина']] },
};

// Problems per area. {p} = the product ("Zentrix router R540" / "роутер Zentrix R540"), {P} the
// same capitalised, {g} = the product in the Russian genitive ("роутера Zentrix R540"; English:
// same as {p}), {b} = brand, {m} = model, {c} = an error code, {t} = the product type. Each has a title, symptoms and paraphrases
// (the paraphrases are what users type; they avoid the title's wording where they can).
const PROBLEMS = {
  network: [
    {
      en: { title: '{p} drops the Wi-Fi connection every few minutes', symptoms: ['wireless disconnects randomly', 'devices lose internet and reconnect', 'signal bars go to zero'], para: ['wifi keeps disconnecting', 'wireless connection keeps dropping', 'internet cuts out every few minutes'] },
      ru: { title: '{p} теряет Wi-Fi каждые несколько минут', symptoms: ['беспроводная сеть пропадает сама', 'устройства теряют интернет и переподключаются', 'сигнал падает до нуля'], para: ['постоянно отваливается вайфай', 'пропадает беспроводное подключение', 'интернет обрывается каждые пару минут'] },
    },
    {
      en: { title: '{p} does not turn on after a power outage', symptoms: ['power light stays off', 'no lights at all', 'device is dead after blackout'], para: ['wont power on', 'no power after electricity went out', 'completely dead, no lights'] },
      ru: { title: '{p} не включается после отключения электричества', symptoms: ['индикатор питания не горит', 'не горит ни одна лампочка', 'устройство не подаёт признаков жизни'], para: ['не запускается после скачка напряжения', 'не горят индикаторы, не работает', 'перестал включаться'] },
    },
    {
      en: { title: 'Slow internet speed through {p}', symptoms: ['pages load slowly', 'speed test shows a fraction of the plan', 'video buffers constantly'], para: ['internet is very slow', 'low download speed', 'bandwidth much lower than paid for'] },
      ru: { title: '{P}: низкая скорость интернета', symptoms: ['страницы грузятся медленно', 'тест скорости показывает намного меньше тарифа', 'видео постоянно тормозит'], para: ['очень медленный интернет', 'маленькая скорость загрузки', 'скорость ниже чем по тарифу'] },
    },
    {
      en: { title: 'Reset {p} to factory settings', symptoms: ['forgot the admin password', 'settings are broken', 'need a clean configuration'], para: ['factory reset', 'how to restore default settings', 'reset to defaults'] },
      ru: { title: 'Сброс {g} к заводским настройкам', symptoms: ['забыт пароль администратора', 'настройки сбились', 'нужна чистая конфигурация'], para: ['как сбросить настройки', 'вернуть заводские параметры', 'сделать сброс до заводских'] },
    },
    {
      en: { title: '{p} shows error {c} when connecting', symptoms: ['error {c} on the status page', 'connection fails with code {c}', 'WAN light blinks red'], para: ['cannot connect, error code', 'connection error on status page', 'no internet, error message'], code: true },
      ru: { title: '{p} выдаёт ошибку {c} при подключении', symptoms: ['ошибка {c} на странице состояния', 'подключение не удаётся с кодом {c}', 'индикатор WAN мигает красным'], para: ['не подключается, код ошибки', 'ошибка соединения на странице статуса', 'нет интернета, пишет ошибку'], code: true },
    },
  ],
  printing: [
    {
      en: { title: '{p} prints blank pages', symptoms: ['paper comes out empty', 'no ink on the page', 'white sheets after printing'], para: ['printing empty sheets', 'pages come out white', 'nothing is printed on the paper'] },
      ru: { title: '{p} печатает пустые листы', symptoms: ['бумага выходит чистой', 'на листе нет краски', 'после печати белые страницы'], para: ['выходят чистые страницы', 'ничего не печатается на бумаге', 'печать идёт, а листы белые'] },
    },
    {
      en: { title: 'Paper jam in {p}', symptoms: ['paper is stuck inside', 'jam light is on', 'pages crumple in the tray'], para: ['paper stuck', 'jammed paper will not come out', 'sheet got stuck in the rollers'] },
      ru: { title: '{P}: замятие бумаги', symptoms: ['бумага застряла внутри', 'горит индикатор замятия', 'листы мнутся в лотке'], para: ['застряла бумага', 'зажевал лист', 'бумага мнётся и не проходит'] },
    },
    {
      en: { title: '{p} is offline in Windows', symptoms: ['status shows offline', 'print jobs wait in the queue', 'computer cannot find the device'], para: ['printer offline', 'documents stuck in print queue', 'windows says device not available'] },
      ru: { title: '{p} в Windows отображается как отключённый', symptoms: ['статус не в сети', 'задания висят в очереди печати', 'компьютер не находит устройство'], para: ['принтер не в сети', 'документы зависли в очереди', 'виндовс не видит принтер'] },
    },
    {
      en: { title: '{p} shows error {c}', symptoms: ['error {c} on the display', 'the device stops with code {c}', 'orange warning light'], para: ['error code on screen', 'stops printing with an error', 'display shows an error number'], code: true },
      ru: { title: '{p} показывает ошибку {c}', symptoms: ['ошибка {c} на дисплее', 'устройство останавливается с кодом {c}', 'горит оранжевый индикатор'], para: ['код ошибки на экране', 'перестал печатать и пишет ошибку', 'на дисплее номер ошибки'], code: true },
    },
    {
      en: { title: 'Streaks and smudges on pages from {p}', symptoms: ['black lines on every page', 'toner smears', 'faded print'], para: ['lines on printed pages', 'print quality is bad', 'smudged printouts'] },
      ru: { title: '{P}: полосы и разводы при печати', symptoms: ['чёрные линии на каждой странице', 'тонер размазывается', 'бледная печать'], para: ['полосы на распечатках', 'плохое качество печати', 'размазывает тонер'] },
    },
  ],
  email: [
    {
      en: { title: '{p} does not receive new messages', symptoms: ['inbox is not updating', 'colleagues say they sent mail', 'last message is from yesterday'], para: ['not getting emails', 'incoming mail stopped', 'emails are not arriving'] },
      ru: { title: '{p} не получает новые письма', symptoms: ['входящие не обновляются', 'коллеги говорят что отправили письмо', 'последнее письмо было вчера'], para: ['не приходят письма', 'перестала приходить почта', 'входящие письма не доходят'] },
    },
    {
      en: { title: 'Cannot send attachments larger than 10 MB in {p}', symptoms: ['message with a big file bounces', 'attachment upload fails', 'size limit warning'], para: ['large attachment will not send', 'file too big to email', 'attachment size limit'] },
      ru: { title: '{P}: не отправляются вложения больше 10 МБ', symptoms: ['письмо с большим файлом возвращается', 'вложение не загружается', 'предупреждение о лимите размера'], para: ['большой файл не уходит', 'слишком большое вложение', 'ограничение размера вложений'] },
    },
    {
      en: { title: '{p} asks for the password again and again', symptoms: ['password prompt keeps appearing', 'saved password is rejected', 'login window pops up every minute'], para: ['keeps asking for password', 'password prompt loop', 'credentials requested repeatedly'] },
      ru: { title: '{p} постоянно запрашивает пароль', symptoms: ['окно ввода пароля появляется снова', 'сохранённый пароль не принимается', 'каждую минуту просит войти'], para: ['всё время просит пароль', 'снова и снова требует пароль', 'бесконечно спрашивает пароль'] },
    },
    {
      en: { title: 'Messages from {p} land in spam', symptoms: ['recipients find mail in junk', 'outgoing mail marked as spam', 'delivery reports mention spam filter'], para: ['emails go to junk folder', 'my mail ends up in spam', 'outgoing messages flagged as spam'] },
      ru: { title: 'Письма из {g} попадают в спам', symptoms: ['получатели находят письма в нежелательных', 'исходящие помечаются как спам', 'отчёты о доставке упоминают спам-фильтр'], para: ['письма уходят в спам', 'почта попадает в нежелательные', 'исходящие считаются спамом'] },
    },
  ],
  account: [
    {
      en: { title: 'Reset a forgotten password for {p}', symptoms: ['cannot remember the password', 'login says wrong password', 'reset email does not arrive'], para: ['forgot my password', 'how to change password i lost', 'cannot log in, forgot password'] },
      ru: { title: 'Восстановление забытого пароля для {g}', symptoms: ['не помню пароль', 'при входе неверный пароль', 'не приходит письмо для сброса'], para: ['забыл пароль', 'как восстановить пароль', 'не могу войти, забыл пароль'] },
    },
    {
      en: { title: '{p} locked after too many sign-in attempts', symptoms: ['account is locked message', 'cannot log in for 30 minutes', 'too many attempts warning'], para: ['account blocked', 'locked out of my account', 'login blocked after wrong attempts'] },
      ru: { title: '{p} заблокирован после нескольких неудачных входов', symptoms: ['сообщение об блокировке учётной записи', 'нельзя войти 30 минут', 'предупреждение о слишком многих попытках'], para: ['заблокировали аккаунт', 'не пускает в личный кабинет', 'блокировка после неверного пароля'] },
    },
    {
      en: { title: 'Two-factor codes for {p} are not accepted', symptoms: ['verification code invalid', 'SMS code expired', 'authenticator code rejected'], para: ['2fa code not working', 'verification code rejected', 'sms code does not work'] },
      ru: { title: 'Коды двухфакторной аутентификации для {g} не принимаются', symptoms: ['код подтверждения неверный', 'СМС-код истёк', 'код из приложения отклонён'], para: ['не подходит код из смс', 'не работает код подтверждения', 'двухфакторка не принимает код'] },
    },
    {
      en: { title: 'Delete {p} and personal data', symptoms: ['want to close the account', 'request to erase data', 'unsubscribe from everything'], para: ['close my account', 'remove my profile and data', 'how to delete account permanently'] },
      ru: { title: 'Удаление {g} и персональных данных', symptoms: ['хочу закрыть учётную запись', 'запрос на удаление данных', 'отписаться от всего'], para: ['удалить аккаунт', 'как удалить профиль и данные', 'закрыть личный кабинет навсегда'] },
    },
  ],
  payments: [
    {
      en: { title: 'Card payment declined on {p}', symptoms: ['transaction declined', 'card is rejected at checkout', 'payment fails but money is held'], para: ['payment not going through', 'card keeps getting declined', 'cannot pay with my card'] },
      ru: { title: '{P}: оплата картой отклонена', symptoms: ['транзакция отклонена', 'карта не проходит при оплате', 'платёж не прошёл, а деньги заблокированы'], para: ['не проходит оплата', 'карту постоянно отклоняет', 'не могу оплатить картой'] },
    },
    {
      en: { title: 'Charged twice by {p}', symptoms: ['two identical charges', 'double payment on the statement', 'refund for duplicate charge'], para: ['double charged', 'paid two times for one order', 'duplicate transaction on my card'] },
      ru: { title: '{P}: двойное списание', symptoms: ['два одинаковых списания', 'двойной платёж в выписке', 'возврат за повторное списание'], para: ['списали деньги дважды', 'оплата прошла два раза', 'повторное списание с карты'] },
    },
    {
      en: { title: 'Download invoices from {p}', symptoms: ['need an invoice for accounting', 'invoice is missing', 'cannot find receipts'], para: ['where are my invoices', 'get a receipt for payment', 'invoice pdf download'] },
      ru: { title: 'Как скачать счета из {g}', symptoms: ['нужен счёт для бухгалтерии', 'нет счёта', 'не могу найти чеки'], para: ['где найти счета', 'получить чек об оплате', 'скачать счёт в pdf'] },
    },
    {
      en: { title: '{p} shows error {c} during payment', symptoms: ['payment stops with code {c}', 'terminal screen shows {c}', 'receipt is not printed'], para: ['payment error code', 'transaction failed with error', 'error while paying'], code: true },
      ru: { title: '{p} выдаёт ошибку {c} при оплате', symptoms: ['оплата прерывается с кодом {c}', 'на экране терминала {c}', 'чек не печатается'], para: ['ошибка при оплате', 'платёж не прошёл, код ошибки', 'транзакция завершилась ошибкой'], code: true },
    },
  ],
  mobile: [
    {
      en: { title: '{p} crashes on startup', symptoms: ['app closes right after opening', 'white screen then exit', 'crash after the latest update'], para: ['app keeps crashing', 'application closes immediately', 'crash when i open it'] },
      ru: { title: '{p} вылетает при запуске', symptoms: ['приложение закрывается сразу после открытия', 'белый экран и выход', 'вылет после последнего обновления'], para: ['приложение вылетает', 'сразу закрывается при открытии', 'крашится при запуске'] },
    },
    {
      en: { title: 'No push notifications from {p}', symptoms: ['alerts do not appear', 'notifications arrive hours late', 'no sound for new messages'], para: ['not getting notifications', 'push alerts stopped working', 'notifications are missing'] },
      ru: { title: 'Не приходят push-уведомления от {g}', symptoms: ['оповещения не появляются', 'уведомления приходят с опозданием', 'нет звука о новых сообщениях'], para: ['не приходят уведомления', 'пропали оповещения', 'перестали работать пуши'] },
    },
    {
      en: { title: '{p} drains the battery', symptoms: ['phone gets hot', 'battery drops fast in background', 'high battery usage in settings'], para: ['battery drain', 'uses too much battery', 'phone battery dies quickly because of the app'] },
      ru: { title: '{p} быстро разряжает батарею', symptoms: ['телефон нагревается', 'заряд быстро падает в фоне', 'высокий расход батареи в настройках'], para: ['быстро садится батарея', 'приложение жрёт заряд', 'сильный расход аккумулятора'] },
    },
    {
      en: { title: 'Cannot sign in to {p} with Google', symptoms: ['Google sign-in button does nothing', 'login loop', 'error after choosing the account'], para: ['google login not working', 'sign in with google fails', 'cant log in via google account'] },
      ru: { title: '{P}: не получается войти через Google', symptoms: ['кнопка входа через Google не реагирует', 'вход зацикливается', 'ошибка после выбора аккаунта'], para: ['не работает вход через гугл', 'не могу авторизоваться через google', 'вход через гугл аккаунт не проходит'] },
    },
  ],
  hardware: [
    {
      en: { title: '{p} overheats and shuts down', symptoms: ['fan is loud', 'case is very hot', 'turns off under load'], para: ['gets too hot and turns off', 'overheating problem', 'shuts down by itself when hot'] },
      ru: { title: '{p} перегревается и выключается', symptoms: ['вентилятор сильно шумит', 'корпус очень горячий', 'отключается под нагрузкой'], para: ['сильно греется и выключается', 'проблема с перегревом', 'сам отключается от перегрева'] },
    },
    {
      en: { title: 'No signal on the external screen with {p}', symptoms: ['monitor says no signal', 'black screen on HDMI', 'second display not detected'], para: ['external monitor not working', 'hdmi no signal', 'second screen stays black'] },
      ru: { title: '{P}: нет сигнала на внешнем экране', symptoms: ['монитор пишет нет сигнала', 'чёрный экран по HDMI', 'второй дисплей не определяется'], para: ['не работает внешний монитор', 'нет сигнала по hdmi', 'второй экран остаётся чёрным'] },
    },
    {
      en: { title: '{p} does not charge', symptoms: ['battery stays at the same level', 'charging light is off', 'plugged in, not charging'], para: ['battery not charging', 'charger does not work', 'power adapter connected but no charge'] },
      ru: { title: '{p} не заряжается', symptoms: ['заряд батареи не растёт', 'индикатор зарядки не горит', 'подключено, но не заряжается'], para: ['не идёт зарядка', 'зарядка не работает', 'адаптер подключён, а заряда нет'] },
    },
    {
      en: { title: 'Update the firmware of {p}', symptoms: ['old firmware version', 'update prompt keeps appearing', 'new features missing'], para: ['how to update firmware', 'install the latest bios update', 'firmware upgrade steps'] },
      ru: { title: 'Обновление прошивки {g}', symptoms: ['старая версия прошивки', 'постоянно предлагает обновиться', 'нет новых функций'], para: ['как обновить прошивку', 'установить последнее обновление биоса', 'порядок перепрошивки'] },
    },
  ],
  shipping: [
    {
      en: { title: 'Track an order from {p}', symptoms: ['tracking number does not work', 'no updates on the parcel', 'order status unknown'], para: ['where is my order', 'how to track my package', 'parcel tracking not updating'] },
      ru: { title: 'Отслеживание заказа из {g}', symptoms: ['трек-номер не работает', 'нет новостей о посылке', 'статус заказа неизвестен'], para: ['где мой заказ', 'как отследить посылку', 'не обновляется трекинг'] },
    },
    {
      en: { title: 'Return a damaged item bought in {p}', symptoms: ['item arrived broken', 'box was crushed', 'want a refund or replacement'], para: ['item arrived damaged', 'return broken product', 'refund for a broken delivery'] },
      ru: { title: 'Возврат повреждённого товара из {g}', symptoms: ['товар пришёл сломанным', 'коробка смята', 'нужен возврат денег или замена'], para: ['пришёл сломанный товар', 'вернуть бракованный товар', 'возврат денег за разбитую посылку'] },
    },
    {
      en: { title: 'Change the delivery address in {p}', symptoms: ['wrong address on the order', 'moved to a new place', 'courier went to the old address'], para: ['update shipping address', 'wrong delivery address', 'send the order somewhere else'] },
      ru: { title: '{P}: изменение адреса доставки', symptoms: ['неверный адрес в заказе', 'переехал на новое место', 'курьер приехал на старый адрес'], para: ['поменять адрес доставки', 'указал неправильный адрес', 'доставить заказ в другое место'] },
    },
  ],
};

const STEPS = {
  en: [
    'Restart {p} and wait two minutes.',
    'Check that all cables are firmly connected.',
    'Open the settings page and review the configuration.',
    'Install the latest update for {p}.',
    'Sign out, then sign in again.',
    'Clear the cache and temporary files.',
    'Try again from another device or network.',
    'Write down any error code shown on the screen.',
    'Collect the diagnostic log from the support menu.',
    'Contact support with the serial number of {p} if the issue remains.',
    'Compare the settings with the defaults listed in the manual.',
    'Disable the firewall or antivirus temporarily and test again.',
  ],
  ru: [
    'Перезагрузите устройство ({p}) и подождите две минуты.',
    'Проверьте, что все кабели плотно подключены.',
    'Откройте страницу настроек и проверьте конфигурацию.',
    'Установите последнее обновление для {g}.',
    'Выйдите из системы и войдите снова.',
    'Очистите кэш и временные файлы.',
    'Попробуйте ещё раз с другого устройства или из другой сети.',
    'Запишите код ошибки, если он показан на экране.',
    'Сохраните диагностический журнал в меню поддержки.',
    'Если проблема осталась, обратитесь в поддержку и укажите серийный номер {g}.',
    'Сравните настройки со значениями по умолчанию из руководства.',
    'Временно отключите брандмауэр или антивирус и проверьте снова.',
  ],
};

const FILLER = {
  en: [
    'This article applies to {p} with firmware {fw} or later.',
    'The issue is often reported after an update or a change in the local network.',
    'Most customers solve it in a few minutes without calling support.',
    'Make sure you are signed in with an administrator account before you change settings.',
    'Some menus may look different depending on the region and the installed version.',
    'If you use a company device, your IT department may manage these settings for you.',
    'Keep the receipt or order number at hand when you contact us.',
    'Changes take effect immediately and do not require a restart unless stated otherwise.',
    'The status page shows known outages that can cause similar symptoms.',
    'See also the user manual that came with the {t}.',
  ],
  ru: [
    'Модель: {p}, прошивка {fw} и новее.',
    'О проблеме часто сообщают после обновления или изменений в локальной сети.',
    'Большинство клиентов решают её за несколько минут без звонка в поддержку.',
    'Перед изменением настроек убедитесь, что вы вошли под учётной записью администратора.',
    'Некоторые меню могут выглядеть иначе в зависимости от региона и версии.',
    'Если устройство корпоративное, настройками может управлять ваш ИТ-отдел.',
    'Держите под рукой чек или номер заказа, когда обращаетесь к нам.',
    'Изменения вступают в силу сразу и не требуют перезагрузки, если не сказано иное.',
    'На странице статуса указаны известные сбои, которые вызывают похожие симптомы.',
    'Смотрите также руководство пользователя {g}.',
  ],
};

const KEYBOARD_NEIGHBOURS = {
  en: 'qwertyuiop asdfghjkl zxcvbnm',
  ru: 'йцукенгшщзхъ фывапролджэ ячсмитьбю',
};

/** One or two typos in the words of `text` that have at least 5 letters (not in `keep`). */
function addTypos(rng, text, lang, keep) {
  const words = text.split(' ');
  const candidates = words.map((w, i) => i).filter((i) => /^[\p{L}]{5,}$/u.test(words[i]) && !keep.has(words[i].toLowerCase()));
  if (!candidates.length) return text;
  const n = Math.min(candidates.length, rng.chance(0.3) ? 2 : 1);
  for (const i of rng.sample(candidates, n)) {
    const w = Array.from(words[i]);
    const j = 1 + rng.int(w.length - 2); // never the first letter
    switch (rng.int(4)) {
      case 0: // deleted letter
        w.splice(j, 1);
        break;
      case 1: // doubled letter
        w.splice(j, 0, w[j]);
        break;
      case 2: // swapped neighbours
        [w[j], w[j + 1]] = [w[j + 1] ?? w[j], w[j]];
        break;
      default: {
        // a neighbouring key on the same keyboard row
        const rows = KEYBOARD_NEIGHBOURS[lang].split(' ');
        const row = rows.find((r) => r.includes(w[j].toLowerCase()));
        if (row) {
          const k = row.indexOf(w[j].toLowerCase());
          w[j] = row[k + (k + 1 < row.length && (k === 0 || rng.chance(0.5)) ? 1 : -1)];
        } else w.splice(j, 1);
      }
    }
    words[i] = w.join('');
  }
  return words.join(' ');
}

/** Lower case, no ':' '.' ',' before a space or at the end, single spaces: text as a user types it. */
const norm = (t) => t.toLowerCase().replace(/[:.,]+(\s|$)/g, '$1').replace(/\s+/g, ' ').trim();

const fill = (tpl, v) => tpl.replace(/\{(\w)\}/g, (m, k) => (k in v ? v[k] : m)).replace(/\{fw\}/g, v.fw ?? '');

// ---------------------------------------------------------------------------------------------
// generator

export const DEFAULT_SEED = 'helpdesk-ai search bench v1';

/**
 * Generates `articles` articles and `queries` labelled queries from `seed`.
 * Returns { articles: [Article], queries: [{q, lang, kind, expected:[id]}] }.
 */
export function generateKb({ articles: nArticles = 50000, queries: nQueries = 300, seed = DEFAULT_SEED, ruShare = 0.4 } = {}) {
  const rng = makeRng(seed);
  const areaNames = Object.keys(AREAS);
  const articles = [];
  const meta = []; // per article: what the queries are built from
  const used = new Set();
  const usedCodes = new Set();
  const width = String(nArticles).length;
  for (let i = 0; articles.length < nArticles; i++) {
    if (i > nArticles * 20) throw new Error('gen: cannot find enough unique (problem, product) pairs');
    const lang = rng.chance(ruShare) ? 'ru' : 'en';
    const area = rng.pick(areaNames);
    const A = AREAS[area];
    const pi = rng.int(PROBLEMS[area].length);
    const P = PROBLEMS[area][pi][lang];
    const brand = rng.pick(BRANDS);
    const [typeEn, typeRu, typeRuGen] = rng.pick(A.types);
    const type = lang === 'en' ? typeEn : typeRu;
    const model = `${rng.pick(A.prefix)}${100 + rng.int(9900)}${rng.chance(0.2) ? rng.pick(['', 's', ' Pro', ' Plus', ' Max']) : ''}`;
    const key = `${lang}|${area}|${pi}|${brand}|${model.toLowerCase()}`;
    if (used.has(key)) continue;
    used.add(key);
    let code = '';
    if (P.code) {
      do code = rng.chance(0.5) ? `E-${1000 + rng.int(9000)}` : `0x${(0x80000000 + rng.int(0x7fffffff)).toString(16).toUpperCase()}`;
      while (usedCodes.has(code));
      usedCodes.add(code);
    }
    const product = lang === 'en' ? `${brand} ${type} ${model}` : `${type} ${brand} ${model}`;
    const fw = `${1 + rng.int(5)}.${rng.int(10)}.${rng.int(20)}`;
    const genitive = lang === 'en' ? product : `${typeRuGen} ${brand} ${model}`;
    const v = { p: product, P: product[0].toUpperCase() + product.slice(1), g: genitive, b: brand, m: model, c: code, t: type, fw };
    let title = fill(P.title, v);
    title = title[0].toUpperCase() + title.slice(1);
    const symptoms = rng.sample(P.symptoms, 2 + rng.int(2)).map((s) => fill(s, v));
    const steps = rng.sample(STEPS[lang], 3 + rng.int(3)).map((s) => fill(s, v));
    const body = rng
      .sample(FILLER[lang], 2 + rng.int(3))
      .map((s) => fill(s, v))
      .join(' ');
    const id = `gen-${String(articles.length + 1).padStart(width, '0')}`;
    articles.push({
      id,
      lang,
      title,
      category: A.category,
      area,
      tags: [...new Set([brand.toLowerCase(), type.toLowerCase(), area, ...(code ? [code] : [])])],
      symptoms,
      steps,
      body,
    });
    meta.push({ lang, area, pi, P, v, title, symptoms, code });
  }

  // queries: distinct articles in a seeded order; kinds in a fixed rotation so the mix is stable
  const kinds = ['paraphrase', 'typo', 'symptom', 'code', 'title'];
  // articles by (language, area, problem, model): the candidates a query's expected set is
  // filtered from, so that a query that does not name the brand accepts every brand's article
  const byProblemModel = new Map();
  meta.forEach((m, i) => {
    const k = `${m.lang}|${m.area}|${m.pi}|${m.v.m.toLowerCase()}`;
    if (!byProblemModel.has(k)) byProblemModel.set(k, []);
    byProblemModel.get(k).push(i);
  });
  const order = rng.sample(
    articles.map((_, i) => i),
    Math.min(articles.length, nQueries * 10),
  );
  const taken = new Set();
  const queries = [];
  for (let slot = 0; queries.length < nQueries && slot < nQueries * 2; slot++) {
    // the next article not used yet; for a 'code' query, the next one about an error code
    const wantCode = kinds[queries.length % kinds.length] === 'code';
    const i = order.find((j) => !taken.has(j) && (!wantCode || meta[j].code)) ?? order.find((j) => !taken.has(j));
    if (i === undefined) break;
    taken.add(i);
    const { lang, area, pi, P, v, title, symptoms, code } = meta[i];
    const siblings = byProblemModel.get(`${lang}|${area}|${pi}|${v.m.toLowerCase()}`);
    let accept = (j) => j === i;
    let kind = kinds[queries.length % kinds.length];
    if (kind === 'code' && !code) kind = 'paraphrase';
    const keep = new Set([v.b.toLowerCase(), v.m.toLowerCase()]);
    let q;
    switch (kind) {
      case 'paraphrase':
      case 'typo': {
        const para = rng.pick(P.para);
        const form = rng.chance(0.5) ? 0 : rng.chance(0.5) ? 1 : 2;
        const who = form === 0 ? `${v.b} ${v.m}` : form === 1 ? `${v.m} ${v.t}` : `${v.b} ${v.t} ${v.m}`;
        q = rng.chance(0.5) ? `${who} ${para}` : `${para} ${who}`;
        // without the brand, the same problem on the same model and type of another brand is right too
        if (form === 1) accept = (j) => meta[j].v.t === v.t;
        if (kind === 'typo') q = addTypos(rng, q, lang, keep);
        break;
      }
      case 'symptom': {
        const line = rng.pick(symptoms);
        q = `${line} ${v.m}`;
        // any brand's article on this problem and model that lists the same symptom line
        accept = (j) => meta[j].symptoms.includes(line);
        break;
      }
      case 'code':
        q = lang === 'en' ? `${rng.pick(['error', 'code', 'error code'])} ${code} ${v.b}` : `${rng.pick(['ошибка', 'код', 'код ошибки'])} ${code} ${v.b}`;
        break;
      default: {
        // the first 4-7 words of the title, as typed; a prefix that does not reach the model is
        // ambiguous, so the model is appended to it
        const prefix = norm(title).split(' ').slice(0, 4 + rng.int(4)).join(' ');
        q = prefix.includes(v.m.toLowerCase()) ? prefix : `${prefix} ${v.m}`;
        // any article on this problem and model whose title starts with the same words
        accept = (j) => norm(meta[j].title).startsWith(prefix);
      }
    }
    q = norm(q);
    const expected = [articles[i].id, ...siblings.filter((j) => j !== i && accept(j)).map((j) => articles[j].id)];
    queries.push({ q, lang, kind, expected });
  }
  return { articles, queries };
}

// ---------------------------------------------------------------------------------------------
// CLI

function cli(argv) {
  const opts = { articles: 50000, queries: 300, seed: DEFAULT_SEED, out: null };
  for (let i = 0; i < argv.length; i++) {
    const [k, inline] = argv[i].split('=', 2);
    const val = () => inline ?? argv[++i];
    if (k === '--articles') opts.articles = Number(val());
    else if (k === '--queries') opts.queries = Number(val());
    else if (k === '--seed') opts.seed = val();
    else if (k === '--out') opts.out = val();
    else {
      console.error('usage: node bench/search/gen.mjs [--articles N] [--queries N] [--seed S] --out DIR');
      process.exit(argv[i] === '--help' || argv[i] === '-h' ? 0 : 2);
    }
  }
  if (!opts.out || !(opts.articles > 0) || !(opts.queries >= 0)) {
    console.error('usage: node bench/search/gen.mjs [--articles N] [--queries N] [--seed S] --out DIR');
    process.exit(2);
  }
  const { articles, queries } = generateKb(opts);
  const dir = resolve(opts.out);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'articles.json'), JSON.stringify(articles) + '\n');
  writeFileSync(join(dir, 'queries.jsonl'), queries.map((q) => JSON.stringify(q)).join('\n') + '\n');
  console.log(`wrote ${articles.length} articles and ${queries.length} queries to ${dir}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) cli(process.argv.slice(2));
