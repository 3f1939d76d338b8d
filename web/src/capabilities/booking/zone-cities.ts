// A salon's timezone in words, the same as the bot's (src/capabilities/booking/zone-names.ts; the
// Mini App cannot import server code, so the list is kept in step with that one): English reads the
// IANA zone's city, Russian needs the genitive, which no library gives, so the cities people book in
// most are listed; any other zone gets its Russian name in the nominative.

const RU_GENITIVE: Record<string, string> = {
  London: 'Лондона',
  Dublin: 'Дублина',
  Lisbon: 'Лиссабона',
  Paris: 'Парижа',
  Berlin: 'Берлина',
  Madrid: 'Мадрида',
  Rome: 'Рима',
  Amsterdam: 'Амстердама',
  Brussels: 'Брюсселя',
  Vienna: 'Вены',
  Zurich: 'Цюриха',
  Prague: 'Праги',
  Warsaw: 'Варшавы',
  Budapest: 'Будапешта',
  Belgrade: 'Белграда',
  Bucharest: 'Бухареста',
  Sofia: 'Софии',
  Athens: 'Афин',
  Istanbul: 'Стамбула',
  Stockholm: 'Стокгольма',
  Copenhagen: 'Копенгагена',
  Helsinki: 'Хельсинки',
  Oslo: 'Осло',
  Riga: 'Риги',
  Vilnius: 'Вильнюса',
  Tallinn: 'Таллина',
  Kyiv: 'Киева',
  Kiev: 'Киева',
  Minsk: 'Минска',
  Chisinau: 'Кишинёва',
  Moscow: 'Москвы',
  Kaliningrad: 'Калининграда',
  Samara: 'Самары',
  Volgograd: 'Волгограда',
  Yekaterinburg: 'Екатеринбурга',
  Omsk: 'Омска',
  Novosibirsk: 'Новосибирска',
  Krasnoyarsk: 'Красноярска',
  Irkutsk: 'Иркутска',
  Yakutsk: 'Якутска',
  Vladivostok: 'Владивостока',
  Tbilisi: 'Тбилиси',
  Yerevan: 'Еревана',
  Baku: 'Баку',
  Almaty: 'Алматы',
  Tashkent: 'Ташкента',
  Bishkek: 'Бишкека',
  Tehran: 'Тегерана',
  Dubai: 'Дубая',
  Jerusalem: 'Иерусалима',
  Bangkok: 'Бангкока',
  Singapore: 'Сингапура',
  Shanghai: 'Шанхая',
  Tokyo: 'Токио',
  Kolkata: 'Калькутты',
  Sydney: 'Сиднея',
  New_York: 'Нью-Йорка',
  Chicago: 'Чикаго',
  Denver: 'Денвера',
  Los_Angeles: 'Лос-Анджелеса',
  Toronto: 'Торонто',
};

/** The zone's city as IANA spells it ("Europe/London" → "London", "America/New_York" → "New York"). */
export const zoneCity = (zone: string) => (zone.split('/').at(-1) ?? zone).replaceAll('_', ' ');

/** The Russian genitive of the zone's city ("Лондона"), or null when it is not listed. */
export const zoneCityGenitiveRu = (zone: string): string | null =>
  RU_GENITIVE[zone.split('/').at(-1) ?? ''] ?? null;

/** The zone's Russian name in the nominative ("Буэнос-Айрес", "Иран"), from the platform's ICU data. */
export function zoneNameRu(zone: string): string {
  const part = new Intl.DateTimeFormat('ru', { timeZone: zone, timeZoneName: 'shortGeneric' })
    .formatToParts(new Date(0))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zoneCity(zone);
}
