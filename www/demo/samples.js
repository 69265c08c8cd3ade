// Sample tickets for the demo pages (data/samples/tickets.jsonl and a few from the held-out
// test split, data/corpus/test).
export const SAMPLE_TICKETS = [
  {
    "subject": "API integration broken",
    "message": "Hi, I'm getting an error when trying to connect our CRM via API. The error message says 'Authentication failed' (HTTP 401) but I'm using the correct API key. This is blocking our sales team. Please help urgently!\n\nThanks,\nDana Reyes\nRevOps, Northwind\n+1 415 555 0199"
  },
  {
    "subject": "Ошибка 502",
    "message": "Добрый день! С утра все запросы к API возвращают 502, интеграция с amoCRM стоит, менеджеры не видят заявки. Подскажите, пожалуйста, что происходит?"
  },
  {
    "subject": "",
    "message": "charged twice this month!!! $49 and again $49, invoice INV-20931. my card 4111 1111 1111 1111 — refund NOW"
  },
  {
    "subject": "Dashboard",
    "message": "<html><body><p>Hello,</p><p>Since yesterday the <b>dashboard</b> shows a white screen in Chrome 120 on Windows 11.</p><p>Kind regards,<br>Tom</p><div>On Mon, Mar 3, 2025 at 9:14 AM Support &lt;help@acme.io&gt; wrote:</div><blockquote>Please clear your cache.</blockquote></body></html>"
  },
  {
    "subject": "Спасибо!",
    "message": "Огромное спасибо Алексею за быструю помощь с вебхуками, всё заработало)))"
  },
  {
    "subject": "",
    "message": "ne mogu voiti v akkaunt, parol ne podhodit, pomogite"
  },
  {
    "subject": "Feature idea",
    "message": "Would be great if reports could be exported to Excel on a schedule, e.g. every Monday."
  },
  {
    "subject": "пароль",
    "message": "мой пароль: Zaq12wsx!, ИНН 7707083893, приложение вылетает на iPhone 13 с iOS 17.2"
  },
  {
    "subject": "Cannot get into my account",
    "message": "Hi, I have been trying to sign in since this morning and it keeps telling me my credentials are invalid. I'm sure the email is right. Can you help? I have a client call at 2pm and all my notes are in there."
  },
  {
    "subject": "HubSpot two-way sync",
    "message": "We'd love a native two-way HubSpot integration. The Zapier workaround only goes one direction and our marketing team lives in HubSpot."
  },
  {
    "subject": "reports are useless for us",
    "message": "Honestly the reporting module is the weakest part of your product. Can't compare periods, can't drill down, charts can't be exported. We're seriously considering switching."
  },
  {
    "subject": "mobile app is painfully slow",
    "message": "Honestly the Android app is the slowest app on my phone. 5 seconds to open a task. My whole sales team hates it. Fix it or we'll stop using mobile."
  },
  {
    "subject": "currency wrong on invoice",
    "message": "Invoice INV-23108 is in USD but we signed up in GBP. Can you fix?"
  },
  {
    "subject": "suspicious API keys created",
    "message": "We just noticed 3 new API keys created at 03:12 by a user we don't know (\"svc_backup2\"). Someone has admin level access to our workspace. Please help us revoke everything and find out what was accessed."
  },
  {
    "subject": "can I share a dashboard with a client",
    "message": "Is there a read-only link for a dashboard I can give a client who doesn't have an account?"
  },
  {
    "subject": "automation rules not running",
    "message": "None of our automation rules (\"when status = Done, notify client\") have run since Tuesday. Clients aren't getting delivery notices, account managers are doing it by hand for 200 orders."
  },
  {
    "subject": "rename workspace",
    "message": "How do I rename our workspace? The company changed name."
  },
  {
    "subject": "webhook ip addresses",
    "message": "What IP addresses do webhooks come from? We need to whitelist them in our firewall."
  },
  {
    "subject": "Не могу войти в аккаунт",
    "message": "Здравствуйте! С утра не получается зайти в учётную запись, пишет \"неверный логин или пароль\", хотя пароль точно правильный. Через час встреча с клиентом, а вся информация там. Помогите, пожалуйста."
  },
  {
    "subject": "Интеграция с Битрикс24 в обе стороны",
    "message": "Очень нужна двусторонняя интеграция с Битрикс24. Через Zapier работает только в одну сторону."
  },
  {
    "subject": "Отчёты бесполезны",
    "message": "Честно, аналитика — самая слабая часть продукта. Нельзя сравнить периоды, нельзя провалиться в детали, графики не выгружаются. Всерьёз думаем уходить."
  },
  {
    "subject": "приложение тормозит невыносимо",
    "message": "Андроид-приложение — самое медленное на моём телефоне. 5 секунд открывается задача. Весь отдел продаж его ненавидит."
  },
  {
    "subject": "Не та валюта в счёте",
    "message": "Счёт СЧ-7108 выставлен в долларах, а договаривались в рублях. Исправьте, пожалуйста."
  },
  {
    "subject": "Кто-то создал API-ключи",
    "message": "Обнаружили 3 новых API-ключа, созданных в 03:12 неизвестным пользователем \"svc_backup2\". У кого-то есть админский доступ к нашему пространству. Помогите всё отозвать и выяснить, что успели скачать."
  },
  {
    "subject": "Игнорируется произвольный период",
    "message": "Выбираю период 1 января — 31 марта, а отчёт по продажам показывает только март."
  },
  {
    "subject": "эмодзи квадратиками",
    "message": "Некоторые эмодзи в названиях задач на доске отображаются пустыми квадратами. В карточке нормально."
  },
  {
    "subject": "приглашённые получают роль админа",
    "message": "Приглашённым пользователям назначается \"Администратор\", хотя выбираю \"Участник\". Меняю вручную."
  },
  {
    "subject": "выгрузка с архивными",
    "message": "В выгрузку отчёта попадают архивные проекты, даже с галочкой \"без архивных\"."
  }
];
