import { stems } from '../../../platform/ai/text-tokens.ts';
import { lexiconFor } from '../../../platform/ai/topic-lexicon.ts';

/**
 * More everyday vocabulary of personal-note domains, on top of the platform's topic lexicon (which
 * issue #35 will move here): a topic picks up a domain when its name or keywords mention one of
 * the domain's names. General words written from the domains, never from evaluation notes.
 */
const DOMAINS: Array<{ names: string; words: string }> = [
  {
    names: 'work job career office работа карьера офис служба',
    words:
      'sync one-on-one 1:1 all-hands offsite kickoff handover spec specification requirements documentation docs ' +
      'wiki confluence slack teams zoom calendar invite escalation sla audit compliance security access ' +
      'permissions password credentials server database api bug bugfix hotfix feature merge pull request pr code ' +
      'repository commit qa testing tester analyst designer developer engineer architect consultant accountant ' +
      'accounting invoice purchase order procurement sales lead pipeline crm revenue forecast metrics dashboard ' +
      'analytics marketing campaign launch rollout migration integration workshop training onboarding colleague ' +
      'performance review appraisal feedback objectives goals hiring layoff resignation notice period vacation ' +
      'days sick leave business trip expense report timesheet workload priorities stakeholders board investor ' +
      'синк встреча один-на-один онбординг передача дел тз техзадание требования документация вики слак зум ' +
      'календарь эскалация аудит безопасность доступ доступы пароль сервер база данных апи баг багфикс хотфикс ' +
      'фича мерж пулреквест код репозиторий коммит тестирование тестировщик аналитик дизайнер разработчик ' +
      'программист инженер архитектор бухгалтерия бухгалтер счет-фактура акт закупка продажи лид воронка crm ' +
      'выручка прогноз метрики дашборд аналитика маркетинг кампания запуск миграция интеграция воркшоп тренинг ' +
      'обучение сотрудников аттестация обратная связь цели найм увольнение заявление отпускные больничный ' +
      'командировка авансовый отчет табель нагрузка приоритеты инвестор совет директоров документ документы ' +
      'регламент согласовать подписать утвердить доклад руководство компания фирма контора',
  },
  {
    names:
      'study studies school university college education learning учеба учёба университет школа образование обучение',
    words:
      'coursework lab report problem set worksheet reading assignment term paper research paper abstract ' +
      'citation bibliography references plagiarism deadline submission extension retake resit finals oral ' +
      'defense viva colloquium credits transcript diploma graduation commencement dorm campus classmate ' +
      'groupmate study group tutoring office hours exam prep mock test ielts toefl gre sat duolingo anki ' +
      'spaced repetition memorize vocabulary words conjugation algebra geometry calculus derivative integral ' +
      'equation formula theorem proof physics thermodynamics mechanics chemistry organic biology anatomy ' +
      'genetics literature philosophy psychology sociology law history geography linguistics translation ' +
      'computer science algorithms data structures machine learning webinar online course certificate ' +
      'bootcamp curriculum schedule timetable classroom auditorium notebook summary review revise ' +
      'курсач лаба отчет по лабораторной задачник задачи решить реферат доклад научная статья аннотация ' +
      'список литературы антиплагиат сдать сдача хвост хвосты пересдать допуск автомат зачетка ' +
      'защита диплома защита колоквиум коллоквиум выпускной общежитие общага одногруппник одногруппники ' +
      'староста группа кружок подготовка пробный егэ огэ ielts toefl дуолинго анки выучить зубрить ' +
      'спряжение алгебра геометрия матан производная интеграл уравнение формула теорема доказательство ' +
      'термодинамика механика органика анатомия генетика литература философия психология социология ' +
      'право география лингвистика перевод информатика алгоритмы структуры данных машинное обучение ' +
      'вебинар онлайн-курс буткемп расписание аудитория тетрадь повторить параграф учебный год четверть',
  },
  {
    names: 'health medical medicine fitness sport wellbeing здоровье медицина спорт фитнес',
    words:
      'appointment gp ophthalmologist optician glasses lenses eye eyes vision ent orthopedist gynecologist ' +
      'urologist endocrinologist neurologist psychiatrist psychologist nurse ambulance emergency er surgery ' +
      'operation stitches bandage plaster cast fracture sprain bruise rash itch sore throat runny nose sinus ' +
      'antibiotics painkiller ibuprofen paracetamol aspirin dose dosage side effects thyroid hormone iron ' +
      'vitamin d omega probiotic hydration dehydrated tired fatigue dizzy nausea stomach digestion heartburn ' +
      'teeth tooth filling cleaning braces ankle wrist hip neck muscle muscles joint joints posture massage ' +
      'chiropractor steps pushups pullups plank deadlift bench press marathon 5k 10k cycling bike ride ' +
      'treadmill trainer coach personal training stretch recovery protein shake calories macros keto ' +
      'vegetarian sugar caffeine coffee alcohol smoking quit weight loss bmi smartwatch tracker heart rate ' +
      'сдать кровь анализ крови окулист офтальмолог очки линзы зрение глаза лор ортопед гинеколог уролог ' +
      'эндокринолог невролог психиатр медсестра скорая неотложка операция швы перевязка гипс перелом ' +
      'растяжение синяк сыпь зуд горло насморк нос антибиотики обезболивающее ибупрофен парацетамол ' +
      'аспирин дозировка побочки щитовидка гормоны железо омега пробиотики усталость головокружение ' +
      'тошнота желудок живот изжога зубы зуб пломба чистка брекеты лодыжка запястье шея мышцы суставы ' +
      'осанка мануальщик отжимания подтягивания планка становая жим марафон велосипед велотренажер ' +
      'беговая дорожка тренер восстановление протеин белок калории кето сахар кофеин кофе алкоголь ' +
      'курение бросить похудеть похудение вес весы часы трекер самочувствие болею заболел выздороветь',
  },
  {
    names: 'finance finances money budget финансы деньги бюджет',
    words:
      'spreadsheet expense tracking track spending groceries budget category monthly yearly overspend save ' +
      'saved savings goal piggy bank allowance cashback bonus points miles annual fee overdraft balance ' +
      'withdraw withdrawal atm wire iban swift swift transfer paypal venmo revolut wise invoice due overdue ' +
      'late fee penalty fine credit score credit report fraud suspicious transaction chargeback dispute ' +
      'refund reimbursement insurance car insurance health insurance policy claim premium deductible ' +
      'accountant tax return filing irs vat receipts estimated payments capital gains net worth ' +
      'financial advisor robo-advisor compound interest inflation rates mortgage refinance down payment ' +
      'installment installments lease loan repayment payoff debt snowball utilities electricity bill water ' +
      'bill internet bill phone bill rent payment landlord deposit' +
      ' таблица учет расходов траты категория ежемесячно сэкономить экономия копить копилка кэшбэк бонусы ' +
      'мили годовое обслуживание овердрафт баланс остаток снять банкомат перевод по реквизитам сбп ' +
      'просрочка пени штраф кредитная история мошенники подозрительная операция оспорить возврат ' +
      'компенсация осаго каско полис страховой случай налоговая ндфл 3-ндфл самозанятый ип бухгалтер ' +
      'чеки доход капитал инфляция ставка рефинансирование первоначальный взнос рассрочка погасить ' +
      'погашение досрочно электричество свет вода интернет связь телефон квартплата жкх коммунальные',
  },
  {
    names: 'home house household flat apartment дом быт квартира хозяйство дача',
    words:
      'chores to-do cleaner cleaning lady deep clean windows carpet rug tiles grout mold mould ventilation ' +
      'air conditioner humidifier radiator thermostat water heater faucet tap sink toilet shower drain ' +
      'clog pipe pipes socket outlet wiring fuse breaker internet router wifi cable tv mount shelf hooks ' +
      'screws nails hammer paint brush renovation contractor quote flooring laminate parquet ceiling walls ' +
      'plaster insulation roof gutter chimney fireplace firewood shed fence gate porch terrace patio mow ' +
      'mower weeds seeds seedlings greenhouse compost watering sprinkler pots houseplants cat litter ' +
      'groceries list milk bread eggs vegetables fruit toilet paper paper towels sponges dish soap ' +
      'laundry detergent ironing iron hangers bedding towels blanket duvet utilities meter readings ' +
      'management company housing association hoa building elevator entrance courier delivery water delivery ' +
      'уборщица генеральная уборка окна ковер плитка затирка плесень вентиляция кондиционер увлажнитель ' +
      'радиатор бойлер колонка кран смеситель раковина унитаз душ слив засор труба трубы розетка проводка ' +
      'пробки автомат роутер вайфай интернет кабель телевизор повесить полку крючки шурупы гвозди молоток ' +
      'кисточка ремонтник бригада смета ламинат паркет потолок стены штукатурка утепление крыша водосток ' +
      'печка камин дрова сарай теплица калитка крыльцо терраса газон косить газонокосилка сорняки семена ' +
      'компост полив горшки комнатные растения лоток список покупок молоко хлеб яйца овощи фрукты туалетная ' +
      'бумага бумажные полотенца губки средство для посуды порошок гладить утюг вешалки постельное полотенца ' +
      'одеяло плед счетчики показания управляющая компания ук тсж подъезд лифт домофон доставка воды',
  },
  {
    names: 'travel travels trips trip vacation путешествия путешествие поездки поездка отпуск',
    words:
      'ferry schedule night train sleeper overnight bus coach road trip car hire rental car driving license ' +
      'international permit toll highway gas station fuel parking map offline maps roaming esim sim card ' +
      'adapter charger power bank first aid kit sunscreen swimsuit backpack hiking boots tent camping ' +
      'campsite resort all-inclusive villa guesthouse check-out late check-out cancellation refund travel ' +
      'insurance lounge priority boarding miles upgrade jet lag time zone connection delay delayed cancelled ' +
      'lost luggage customs declaration duty free visa run residence permit vaccination certificate island ' +
      'coast lake national park old town cathedral castle ruins old city viewpoint cable car ski skiing ' +
      'snowboard slopes pass itinerary day trip tour operator travel agent vouchers' +
      ' паром расписание ночной поезд плацкарт купе автобус автопутешествие прокат авто права международные ' +
      'платная трасса заправка бензин парковка карта офлайн-карты роуминг esim сим-карта переходник ' +
      'зарядка повербанк аптечка солнцезащитный купальник рюкзак ботинки палатка кемпинг курорт все включено ' +
      'вилла гостевой дом выезд заезд отмена возврат лаунж мили апгрейд джетлаг часовой пояс стыковка ' +
      'задержка задержан отменен потерянный багаж декларация дьюти-фри внж справка остров побережье озеро ' +
      'национальный парк старый город собор замок руины смотровая канатная дорога лыжи сноуборд склон ' +
      'ски-пасс однодневная туроператор турагентство путевка ваучер',
  },
  {
    names: 'ideas idea inspiration someday идеи идея задумки вдохновение',
    words:
      'side hustle saas marketplace subscription box community meetup event club workshop course to teach ' +
      'open source library framework browser extension telegram bot chatbot ai assistant automation ' +
      'automate sensor smart home gadget device hardware 3d print diy craft handmade etsy shop store cafe ' +
      'coffee shop bakery food truck franchise brand logo slogan merch t-shirt print design mockup ' +
      'landing page domain crowdfunding kickstarter pitch investor validate customers niche problem ' +
      'solution feature wishlist experiment hypothesis vision someday maybe one day wonder novel idea ' +
      'screenplay song album art project photo series documentary board game card game mobile game ' +
      'подработка маркетплейс подписка сообщество встреча мероприятие клуб мастер-класс научить опенсорс ' +
      'библиотека фреймворк расширение для браузера телеграм-бот чат-бот ии ассистент автоматизация ' +
      'автоматизировать датчик датчики умный дом гаджет устройство 3d-печать своими руками хендмейд ' +
      'магазин кофейня пекарня фудтрак франшиза бренд логотип слоган мерч футболки принт дизайн макет ' +
      'лендинг домен краудфандинг питч проверить гипотезу ниша проблема решение фичи эксперимент мечта ' +
      'когда-нибудь однажды вдруг сценарий песня альбом арт-проект фотопроект документалка настолка ' +
      'настольная игра карточная игра мобильная игра придумал придумала осенило',
  },
  {
    names: 'reading books book read чтение книги книга читать',
    words:
      'to-read list reading list tbr recommendation recommended bestseller publisher edition translation ' +
      'translated foreword afterword epilogue footnote underline underlined highlight highlighted margin ' +
      'notes annotation passage line lines sentence narrator protagonist character plot ending spoiler ' +
      'genre thriller detective mystery horror romance classic literature dystopia history book popular ' +
      'science self-help philosophy book essays collection anthology magazine journal newspaper column ' +
      'newsletter substack medium pocket instapaper read later saved article research paper preprint ' +
      'arxiv study findings book club author talk signing reading challenge pages per day finished ' +
      'started halfway' +
      ' список чтения что почитать посоветовали рекомендация бестселлер издательство издание перевод ' +
      'предисловие послесловие эпилог сноска подчеркнуть подчеркнул выделил маркер пометки отрывок фраза ' +
      'строчка рассказчик герой персонаж сюжет концовка спойлер жанр триллер детектив ужасы роман-эпопея ' +
      'классика антиутопия нон-фикшн научпоп саморазвитие сборник антология журнал газета колонка рассылка ' +
      'отложенное прочитать позже исследование препринт встреча с автором автограф страниц в день ' +
      'дочитал дочитала начал читать на середине',
  },
];

let compiled: Array<{ names: Set<string>; words: Set<string> }> | undefined;

/** The built-in vocabulary a topic picks up by its name or keywords: the platform's lexicon plus these. */
export function vocabularyFor(topicName: string, keywords: readonly string[]): Set<string> {
  compiled ??= DOMAINS.map((d) => ({ names: new Set(stems(d.names)), words: new Set(stems(d.words)) }));
  const own = new Set(stems([topicName, ...keywords].join(' ')));
  const out = lexiconFor(topicName, keywords);
  for (const d of compiled) if ([...d.names].some((n) => own.has(n))) for (const w of d.words) out.add(w);
  return out;
}
