/** Countries the event form offers, with the geoip fields Auth0 fills in for each. */
export interface Country {
  code: string
  code3: string
  name: string
  continent: string
}

export const CONTINENTS: Record<string, string> = {
  AF: 'Africa', AN: 'Antarctica', AS: 'Asia', EU: 'Europe', NA: 'North America', OC: 'Oceania', SA: 'South America',
}

const country = (code: string, code3: string, name: string, continent: string): Country => ({ code, code3, name, continent })

export const COUNTRIES: Country[] = [
  country('AR', 'ARG', 'Argentina', 'SA'),
  country('AU', 'AUS', 'Australia', 'OC'),
  country('BR', 'BRA', 'Brazil', 'SA'),
  country('CA', 'CAN', 'Canada', 'NA'),
  country('CH', 'CHE', 'Switzerland', 'EU'),
  country('CN', 'CHN', 'China', 'AS'),
  country('DE', 'DEU', 'Germany', 'EU'),
  country('EG', 'EGY', 'Egypt', 'AF'),
  country('ES', 'ESP', 'Spain', 'EU'),
  country('FR', 'FRA', 'France', 'EU'),
  country('GB', 'GBR', 'United Kingdom', 'EU'),
  country('IE', 'IRL', 'Ireland', 'EU'),
  country('IL', 'ISR', 'Israel', 'AS'),
  country('IN', 'IND', 'India', 'AS'),
  country('IT', 'ITA', 'Italy', 'EU'),
  country('JP', 'JPN', 'Japan', 'AS'),
  country('KE', 'KEN', 'Kenya', 'AF'),
  country('KR', 'KOR', 'South Korea', 'AS'),
  country('MX', 'MEX', 'Mexico', 'NA'),
  country('NG', 'NGA', 'Nigeria', 'AF'),
  country('NL', 'NLD', 'Netherlands', 'EU'),
  country('NZ', 'NZL', 'New Zealand', 'OC'),
  country('PL', 'POL', 'Poland', 'EU'),
  country('SE', 'SWE', 'Sweden', 'EU'),
  country('SG', 'SGP', 'Singapore', 'AS'),
  country('US', 'USA', 'United States of America', 'NA'),
  country('ZA', 'ZAF', 'South Africa', 'AF'),
]
