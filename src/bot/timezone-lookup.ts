import tzLookup from '@photostructure/tz-lookup';
import cityTimezones from 'city-timezones';
import { DateTime } from 'luxon';

// Russian names of cities people most often type; city-timezones knows cities by their Latin names.
const RU_CITIES: Record<string, string> = {
  москва: 'Europe/Moscow',
  мск: 'Europe/Moscow',
  'санкт-петербург': 'Europe/Moscow',
  петербург: 'Europe/Moscow',
  питер: 'Europe/Moscow',
  спб: 'Europe/Moscow',
  казань: 'Europe/Moscow',
  'нижний новгород': 'Europe/Moscow',
  калининград: 'Europe/Kaliningrad',
  самара: 'Europe/Samara',
  екатеринбург: 'Asia/Yekaterinburg',
  челябинск: 'Asia/Yekaterinburg',
  пермь: 'Asia/Yekaterinburg',
  уфа: 'Asia/Yekaterinburg',
  омск: 'Asia/Omsk',
  новосибирск: 'Asia/Novosibirsk',
  красноярск: 'Asia/Krasnoyarsk',
  иркутск: 'Asia/Irkutsk',
  владивосток: 'Asia/Vladivostok',
  хабаровск: 'Asia/Vladivostok',
  якутск: 'Asia/Yakutsk',
  минск: 'Europe/Minsk',
  киев: 'Europe/Kyiv',
  київ: 'Europe/Kyiv',
  алматы: 'Asia/Almaty',
  астана: 'Asia/Almaty',
  ташкент: 'Asia/Tashkent',
  тбилиси: 'Asia/Tbilisi',
  ереван: 'Asia/Yerevan',
  баку: 'Asia/Baku',
  рига: 'Europe/Riga',
  вильнюс: 'Europe/Vilnius',
  таллин: 'Europe/Tallinn',
  берлин: 'Europe/Berlin',
  лондон: 'Europe/London',
  париж: 'Europe/Paris',
  прага: 'Europe/Prague',
  варшава: 'Europe/Warsaw',
  белград: 'Europe/Belgrade',
  стамбул: 'Europe/Istanbul',
  дубай: 'Asia/Dubai',
  'нью-йорк': 'America/New_York',
  бангкок: 'Asia/Bangkok',
  бали: 'Asia/Makassar',
  // The world's capitals and big cities people type in Russian.
  тегеран: 'Asia/Tehran',
  анкара: 'Europe/Istanbul',
  анталья: 'Europe/Istanbul',
  каир: 'Africa/Cairo',
  'тель-авив': 'Asia/Jerusalem',
  иерусалим: 'Asia/Jerusalem',
  бейрут: 'Asia/Beirut',
  багдад: 'Asia/Baghdad',
  'эр-рияд': 'Asia/Riyadh',
  доха: 'Asia/Qatar',
  'абу-даби': 'Asia/Dubai',
  кабул: 'Asia/Kabul',
  бишкек: 'Asia/Bishkek',
  душанбе: 'Asia/Dushanbe',
  ашхабад: 'Asia/Ashgabat',
  кишинёв: 'Europe/Chisinau',
  кишинев: 'Europe/Chisinau',
  'улан-батор': 'Asia/Ulaanbaatar',
  дели: 'Asia/Kolkata',
  'нью-дели': 'Asia/Kolkata',
  мумбаи: 'Asia/Kolkata',
  гоа: 'Asia/Kolkata',
  катманду: 'Asia/Kathmandu',
  коломбо: 'Asia/Colombo',
  пекин: 'Asia/Shanghai',
  шанхай: 'Asia/Shanghai',
  гонконг: 'Asia/Hong_Kong',
  сеул: 'Asia/Seoul',
  токио: 'Asia/Tokyo',
  ханой: 'Asia/Bangkok',
  хошимин: 'Asia/Ho_Chi_Minh',
  пхукет: 'Asia/Bangkok',
  сингапур: 'Asia/Singapore',
  'куала-лумпур': 'Asia/Kuala_Lumpur',
  джакарта: 'Asia/Jakarta',
  манила: 'Asia/Manila',
  сидней: 'Australia/Sydney',
  мельбурн: 'Australia/Melbourne',
  окленд: 'Pacific/Auckland',
  рим: 'Europe/Rome',
  милан: 'Europe/Rome',
  мадрид: 'Europe/Madrid',
  барселона: 'Europe/Madrid',
  лиссабон: 'Europe/Lisbon',
  амстердам: 'Europe/Amsterdam',
  брюссель: 'Europe/Brussels',
  вена: 'Europe/Vienna',
  цюрих: 'Europe/Zurich',
  женева: 'Europe/Zurich',
  мюнхен: 'Europe/Berlin',
  стокгольм: 'Europe/Stockholm',
  осло: 'Europe/Oslo',
  копенгаген: 'Europe/Copenhagen',
  хельсинки: 'Europe/Helsinki',
  будапешт: 'Europe/Budapest',
  бухарест: 'Europe/Bucharest',
  софия: 'Europe/Sofia',
  афины: 'Europe/Athens',
  лимассол: 'Asia/Nicosia',
  никосия: 'Asia/Nicosia',
  дублин: 'Europe/Dublin',
  рейкьявик: 'Atlantic/Reykjavik',
  вашингтон: 'America/New_York',
  бостон: 'America/New_York',
  майами: 'America/New_York',
  торонто: 'America/Toronto',
  чикаго: 'America/Chicago',
  денвер: 'America/Denver',
  'лос-анджелес': 'America/Los_Angeles',
  'сан-франциско': 'America/Los_Angeles',
  сиэтл: 'America/Los_Angeles',
  ванкувер: 'America/Vancouver',
  мехико: 'America/Mexico_City',
  канкун: 'America/Cancun',
  'буэнос-айрес': 'America/Argentina/Buenos_Aires',
  'сан-паулу': 'America/Sao_Paulo',
  'рио-де-жанейро': 'America/Sao_Paulo',
  лима: 'America/Lima',
  сантьяго: 'America/Santiago',
  найроби: 'Africa/Nairobi',
  кейптаун: 'Africa/Johannesburg',
  йоханнесбург: 'Africa/Johannesburg',
  лагос: 'Africa/Lagos',
  касабланка: 'Africa/Casablanca',
};

/** Country names in Russian and English ("Иран", "Japan") → ISO code, from the runtime's CLDR data. */
const COUNTRIES = (() => {
  const byName = new Map<string, string>();
  const ru = new Intl.DisplayNames(['ru'], { type: 'region' });
  const en = new Intl.DisplayNames(['en'], { type: 'region' });
  for (const a of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')
    for (const b of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      const code = `${a}${b}`;
      for (const names of [ru, en]) {
        const name = names.of(code);
        if (name && name !== code) byName.set(name.toLowerCase(), code);
      }
    }
  return byName;
})();

const IANA = Intl.supportedValuesOf('timeZone');

/** Finds an IANA timezone from what a person types: a city (ru/en), a zone name, or an offset. */
export function findTimezone(input: string): string | null {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!text || text.length > 80) return null;
  const ru = RU_CITIES[text] ?? RU_CITIES[text.replace(/^г\.?\s*/, '')];
  if (ru) return ru;
  const zone = IANA.find((z) => z.toLowerCase() === text.replace(/ /g, '_'));
  if (zone) return zone;
  const offset = /^(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?00)?$/.exec(text);
  if (offset) {
    const hours = Number(offset[2]);
    if (hours > 14) return null;
    if (hours === 0) return 'UTC';
    // POSIX-style Etc zones have inverted signs: UTC+3 is Etc/GMT-3.
    return `Etc/GMT${offset[1] === '+' ? '-' : '+'}${hours}`;
  }
  if (text === 'utc' || text === 'gmt') return 'UTC';
  const byCity = IANA.find((z) => z.split('/').at(-1)?.toLowerCase().replace(/_/g, ' ') === text);
  if (byCity) return byCity;
  const cities = cityTimezones.lookupViaCity(input.trim());
  const biggest = [...cities].sort((a, b) => b.pop - a.pop)[0];
  if (biggest?.timezone) return biggest.timezone;
  // A country ("Иран", "Japan"): the zone of its biggest city.
  const country = COUNTRIES.get(text);
  return country ? regionZone(country) : null;
}

export function timezoneAt(latitude: number, longitude: number): string | null {
  if (
    !Number.isFinite(latitude) ||
    !Number.isFinite(longitude) ||
    Math.abs(latitude) > 90 ||
    Math.abs(longitude) > 180
  ) {
    return null;
  }
  try {
    return tzLookup(latitude, longitude);
  } catch {
    return null;
  }
}

/**
 * A sensible first guess before the person tells us: the region of Telegram's language code
 * ("en-GB", "pt-BR") names a country, its biggest city names the zone; else Moscow for Russian, UTC.
 */
export function defaultTimezoneFor(language: 'ru' | 'en', languageCode?: string): string {
  const region = /^[a-z]{2,3}[-_]([a-z]{2})$/i.exec(languageCode ?? '')?.[1]?.toUpperCase();
  const zone = region ? regionZone(region) : null;
  return zone ?? (language === 'ru' ? 'Europe/Moscow' : 'UTC');
}

/** The zone of a country's biggest city (every update of a person asks: kept per country). */
const regionZones = new Map<string, string | null>();
function regionZone(region: string): string | null {
  if (!regionZones.has(region)) {
    const biggest = [...cityTimezones.findFromIsoCode(region)].sort((a, b) => b.pop - a.pop)[0];
    regionZones.set(region, biggest?.timezone && IANA.includes(biggest.timezone) ? biggest.timezone : null);
  }
  return regionZones.get(region) ?? null;
}

/** How a person reads a zone: "Europe/Berlin (UTC+01:00)", and "UTC+07:00" for the offset-only Etc zones. */
export function timezoneLabel(timezone: string, now: Date): string {
  const offset = DateTime.fromJSDate(now, { zone: timezone }).toFormat('ZZ');
  const utc = `UTC${offset === '+00:00' ? '' : offset}`;
  return timezone === 'UTC' || timezone.startsWith('Etc/') ? utc : `${timezone} (${utc})`;
}
