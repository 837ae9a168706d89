// Word lists for human-readable demo data. Lengths are arbitrary; names repeat with a numeric
// suffix when a shop asks for more categories than listed.
export const CATEGORY_NAMES = [
  'Books', 'Music', 'Films', 'Games', 'Phones', 'Laptops', 'Cameras', 'Headphones', 'Kitchen', 'Garden',
  'Tools', 'Furniture', 'Lighting', 'Bedding', 'Toys', 'Baby', 'Sports', 'Outdoor', 'Cycling', 'Fitness',
  'Shoes', 'Bags', 'Watches', 'Jewellery', 'Beauty', 'Health', 'Pets', 'Office', 'Art Supplies', 'Food',
] as const;

export const TAG_WORDS = [
  'bestseller', 'eco', 'handmade', 'vintage', 'premium', 'budget', 'compact', 'wireless', 'organic', 'kids',
  'gift', 'travel', 'classic', 'limited', 'refurbished', 'smart', 'waterproof', 'vegan', 'local', 'new',
] as const;

export const BRANDS = [
  'Acme', 'Northwind', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Soylent', 'Tyrell', 'Hooli',
  'Vandelay', 'Wonka', 'Cyberdyne', 'Aperture', 'Gringotts', 'Oscorp',
] as const;

export const ADJECTIVES = [
  'Classic', 'Compact', 'Deluxe', 'Essential', 'Mini', 'Pro', 'Smart', 'Ultra', 'Eco', 'Urban', 'Nordic', 'Retro',
] as const;

export const COLOURS = ['black', 'white', 'red', 'blue', 'green', 'grey', 'yellow', 'brown'] as const;

export const FIRST_NAMES = [
  'Ada', 'Alan', 'Grace', 'Linus', 'Barbara', 'Dennis', 'Margaret', 'Ken', 'Frances', 'Edsger', 'Radia',
  'Donald', 'Hedy', 'John', 'Katherine', 'Tim', 'Shafi', 'Guido', 'Sophie', 'Niklaus',
] as const;

export const CITIES = [
  'Berlin', 'Paris', 'Madrid', 'Rome', 'Lisbon', 'Vienna', 'Warsaw', 'Prague', 'Dublin', 'Amsterdam',
  'Copenhagen', 'Stockholm', 'Helsinki', 'Athens', 'Brussels', 'Zurich',
] as const;

/** `list[i]`, then `list[i] 2`, `list[i] 3`, ... once the list is exhausted. */
export function nthName(list: readonly string[], i: number): string {
  const base = list[i % list.length] ?? 'Name';
  const round = Math.floor(i / list.length);
  return round === 0 ? base : `${base} ${round + 1}`;
}
