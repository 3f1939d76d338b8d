import { stems } from './text-tokens.ts';

/**
 * Built-in vocabularies of common personal-note domains, so that a topic called "Health" knows
 * more words than the few keywords its owner typed. A topic picks up a domain when its name or
 * keywords mention one of the domain's names. Written as general vocabulary, independent of the
 * evaluation notes; words are stemmed like everything else, so any inflected form will do.
 */
interface Domain {
  id: string;
  names: string;
  words: string;
}

const DOMAINS: Domain[] = [
  {
    id: 'work',
    names: 'work job career office работа карьера офис служба',
    words:
      'colleague coworker boss manager team lead director ceo cto hr recruiter hiring interview candidate resume cv ' +
      'onboarding offboarding promotion raise payroll contract vendor supplier partner customer stakeholder ' +
      'meeting standup retro retrospective planning roadmap okr kpi quarter quarterly deadline milestone deliverable ' +
      'proposal estimate quote slides deck presentation demo report memo email agenda minutes status update ' +
      'ticket jira backlog sprint release deploy deployment staging production incident outage postmortem oncall ' +
      'review approval budget headcount overtime shift workplace conference client project task ' +
      'коллега начальник руководитель директор тимлид менеджер команда отдел кадры hr рекрутер собеседование ' +
      'кандидат резюме вакансия стажер стажировка онбординг повышение оклад премия договор контракт подрядчик ' +
      'заказчик клиент партнер поставщик совещание планерка летучка созвон митинг встреча ретро дорожная карта ' +
      'квартал дедлайн срок сроки этап смета предложение коммерческое презентация слайды демо отчет письмо ' +
      'повестка протокол тикет задача таск джира бэклог спринт релиз деплой прод продакшн инцидент авария ' +
      'ревью согласование корпоратив командировка переработка смена конференция проект сотрудник',
  },
  {
    id: 'study',
    names:
      'study studies school university college education learning учеба учёба университет школа образование обучение',
    words:
      'course class lecture lesson seminar tutorial lab laboratory homework assignment essay thesis dissertation ' +
      'exam midterm final quiz test grade gpa credit semester term syllabus textbook notes flashcards revision ' +
      'professor teacher tutor ta supervisor dean faculty campus library enrollment registration scholarship ' +
      'degree bachelor master phd admission application coursera udemy mooc module certificate language vocabulary ' +
      'grammar math mathematics physics chemistry biology history economics statistics programming practice learn ' +
      'курс пара лекция урок семинар практикум лабораторная лаба домашка домашнее задание реферат эссе курсовая ' +
      'диплом диссертация экзамен зачет сессия пересдача контрольная тест оценка балл семестр учебник методичка ' +
      'конспект шпаргалка карточки преподаватель препод учитель репетитор научный руководитель деканат факультет ' +
      'кафедра студент магистратура бакалавриат аспирантура поступление стипендия сертификат модуль степик ' +
      'слова грамматика математика матанализ физика химия биология история экономика статистика программирование ' +
      'учить выучить доклад олимпиада',
  },
  {
    id: 'health',
    names: 'health medical medicine fitness sport wellbeing здоровье медицина спорт фитнес',
    words:
      'doctor physician gp therapist dentist cardiologist dermatologist clinic hospital pharmacy prescription ' +
      'pill pills tablet medication medicine drops vitamin supplement magnesium vaccine vaccination shot flu cold ' +
      'cough fever pain ache headache migraine back knee shoulder allergy blood pressure cholesterol sugar test ' +
      'results checkup scan mri xray ultrasound symptoms injury physio physiotherapy stretching workout exercise ' +
      'training gym fitness yoga pilates swimming pool run running jog jogging pace cardio steps squats weights ' +
      'calories protein diet nutrition fasting meal sleep insomnia nap rest water weight heart rate energy stress ' +
      'therapy mental meditation ' +
      'врач доктор терапевт стоматолог зубной кардиолог дерматолог невролог клиника поликлиника больница аптека ' +
      'рецепт таблетка таблетки лекарство капли витамины витамин магний добавки прививка вакцина грипп простуда ' +
      'кашель температура боль болит голова спина колено плечо аллергия давление холестерин сахар анализы анализ ' +
      'кровь осмотр диспансеризация мрт рентген узи симптомы травма массаж растяжка тренировка упражнения ' +
      'зарядка спортзал зал фитнес йога пилатес бассейн плавание бег пробежка темп кардио шаги приседания ' +
      'калории белок диета питание голодание сон бессонница отдых вода вес пульс энергия стресс психолог медитация',
  },
  {
    id: 'finance',
    names: 'finance finances money budget финансы деньги бюджет',
    words:
      'bank account card credit debit loan mortgage interest rate deposit savings saving emergency fund invest ' +
      'investment portfolio stocks shares bonds etf index dividend brokerage pension retirement tax taxes return ' +
      'refund deduction invoice bill bills payment pay paid owe debt lend borrow transfer salary paycheck payday ' +
      'income expense expenses spending budget subscription fee charge insurance premium price cost cash currency ' +
      'exchange crypto statement receipt rent utilities split ' +
      'банк счет карта кредит кредитка дебетовая займ ипотека процент процент ставка вклад депозит накопления ' +
      'сбережения подушка безопасности инвестиции портфель акции облигации фонд дивиденды брокер брокерский ' +
      'пенсия налог налоги вычет декларация оплата оплатить платеж заплатить долг должен вернуть перевод ' +
      'перевести зарплата аванс доход доходы расходы трата траты бюджет подписка автопродление комиссия ' +
      'страховка цена стоимость наличные валюта обмен курс выписка чек коммуналка рубли рублей евро долларов',
  },
  {
    id: 'home',
    names: 'home house household flat apartment дом быт квартира хозяйство дача',
    words:
      'kitchen bathroom bedroom living room balcony garage garden yard lawn hedge plants flowers furniture sofa ' +
      'couch bed mattress sheets pillow wardrobe closet shelf bookshelf lamp bulb light door window curtains ' +
      'wallpaper paint repair fix broken leak leaking plumber electrician handyman tools drill ikea assemble ' +
      'cleaning clean vacuum dust mop laundry wash washing machine dishwasher dishes fridge freezer oven stove ' +
      'trash garbage recycling groceries shopping supplies soap detergent landlord roommate neighbors rent keys ' +
      'lock heating boiler battery detector filter pantry storage declutter move moving ' +
      'кухня ванная спальня гостиная детская балкон лоджия прихожая кладовка гараж сад огород грядки рассада ' +
      'цветы растения мебель диван кровать матрас белье подушка шкаф полка лампа лампочка дверь окна окно шторы ' +
      'обои краска покрасить ремонт починить сломалось течет протекает сантехник электрик мастер инструменты ' +
      'дрель собрать уборка убраться пылесос пыль помыть мыть стирка стиральная посудомойка посуда холодильник ' +
      'морозилка духовка плита мусор вывоз продукты покупки моющее средство соседи ключи замок отопление батарея ' +
      'фильтр вытяжка забор переезд разобрать вещи',
  },
  {
    id: 'travel',
    names: 'travel travels trips trip vacation путешествия путешествие поездки поездка отпуск',
    words:
      'flight flights plane airline airport terminal layover transfer check-in boarding gate seat luggage baggage ' +
      'suitcase carry-on packing pack passport visa schengen embassy consulate customs border insurance hotel ' +
      'hostel airbnb booking reservation accommodation train railway station bus ferry cruise car rental road ' +
      'route itinerary tour excursion guide museum sightseeing beach mountains hiking abroad country city ' +
      'currency exchange souvenirs tickets ticket weekend getaway ' +
      'рейс перелет самолет авиакомпания аэропорт терминал пересадка трансфер регистрация посадка место багаж ' +
      'чемодан ручная кладь сборы собрать паспорт загранпаспорт виза шенген посольство консульство таможня ' +
      'граница страховка отель гостиница хостел жилье бронь забронировать бронирование поезд вокзал электричка ' +
      'автобус паром круиз машина аренда дорога маршрут экскурсия экскурсии гид музей достопримечательности ' +
      'пляж море горы поход заграница страна город сувениры билеты билет выходные',
  },
  {
    id: 'ideas',
    names: 'ideas idea inspiration someday идеи идея задумки вдохновение',
    words:
      'startup business side project pet project app application service platform product tool plugin extension ' +
      'bot website game concept prototype mvp invention invent brainstorm name names newsletter blog channel ' +
      'podcast youtube series video gift what if could build maybe someday would cool imagine create design ' +
      'make build launch story write ' +
      'стартап бизнес пет-проект проект приложение сервис платформа продукт инструмент плагин расширение бот ' +
      'сайт игра концепция прототип изобретение придумать мысль задумка название канал блог подкаст ютуб ' +
      'серия видео подарок что если можно было бы круто сделать создать запустить попробовать квест',
  },
  {
    id: 'reading',
    names: 'reading books book read чтение книги книга читать',
    words:
      'novel fiction nonfiction story short stories poem poetry poet author writer chapter page pages library ' +
      'bookstore kindle ebook audiobook paperback hardcover reread highlights quote quotes essay article ' +
      'longread long read blog post paper review summary bookmark goodreads book club literature classic ' +
      'biography memoir sci-fi fantasy series volume ' +
      'роман повесть рассказ рассказы стихи стихотворение поэт поэзия автор писатель глава страница страницы ' +
      'библиотека книжный электронная аудиокнига бумаге перечитать дочитать цитата цитаты эссе статья лонгрид ' +
      'пост рецензия конспект закладка книжный клуб литература классика биография мемуары фантастика фэнтези ' +
      'том серия',
  },
];

interface CompiledDomain {
  id: string;
  names: Set<string>;
  words: Set<string>;
}

let compiled: CompiledDomain[] | undefined;

function domains(): CompiledDomain[] {
  // Pure data derived once; stemming ~1.5k words costs a few ms.
  compiled ??= DOMAINS.map((d) => ({
    id: d.id,
    names: new Set(stems(d.names)),
    words: new Set(stems(d.words)),
  }));
  return compiled;
}

/** Stems of the built-in vocabularies whose names the topic's name or keywords mention. */
export function lexiconFor(topicName: string, keywords: readonly string[]): Set<string> {
  const own = new Set(stems([topicName, ...keywords].join(' ')));
  const out = new Set<string>();
  for (const d of domains()) {
    if ([...d.names].some((n) => own.has(n))) for (const w of d.words) out.add(w);
  }
  return out;
}

/** The domain (work, study, health, …) whose vocabulary the text uses most, or null. */
export function guessCategory(text: string): string | null {
  const own = stems(text);
  let best: { id: string; hits: number } | null = null;
  for (const d of domains()) {
    const hits = own.filter((s) => d.words.has(s) || d.names.has(s)).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { id: d.id, hits };
  }
  return best?.id ?? null;
}
