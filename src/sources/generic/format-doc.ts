/**
 * The generic import format, as shop-facing documentation. docs/generic-format.md holds the same text
 * (a test keeps the two identical), so the CLI can print it and the repo can link it.
 */
export const GENERIC_FORMAT_DOC = `# Generic import format

Load your shop's own export without writing code. Put up to four files in one folder (or pass each
path explicitly); every file is optional:

| table          | file name                                   |
|----------------|---------------------------------------------|
| users          | \`users.csv\`, \`users.tsv\` or \`users.jsonl\`  |
| items          | \`items.csv\`, \`items.tsv\` or \`items.jsonl\`  |
| interactions   | \`interactions.csv\`, \`.tsv\` or \`.jsonl\`     |
| social         | \`social.csv\`, \`social.tsv\` or \`social.jsonl\` |

Keep one file per table: a folder with both \`items.csv\` and \`items.jsonl\` is refused.

## File formats

- **CSV / TSV**: UTF-8, first line is the header, comma (\`.csv\`) or tab (\`.tsv\`) separated, RFC 4180
  double quotes for values holding separators, quotes or line breaks. LF or CRLF line endings.
  Every row must have as many columns as the header.
- **JSONL**: UTF-8, one JSON object per line, keys are the column names. Numbers and booleans may be
  JSON values or text; lists (category, tags) may be JSON arrays.
- Blank lines are ignored. Every other row yields exactly one record or one rejection, so
  \`records + rejections = data rows\` (a row is one line, unless a quoted CSV value spans lines).

## Columns

Column names are case-sensitive. Empty cells count as absent.

### users
| column   | required | meaning                                              |
|----------|----------|------------------------------------------------------|
| id       | yes      | user id                                              |
| name     |          | display name                                         |
| age      |          | whole number 0-150                                   |
| gender   |          | free text                                            |
| location |          | free text                                            |
| consentPersonalisation | | recommendations from the user's own history: true/false, yes/no, y/n, 1/0 |
| consentSocial |       | shown to others and used as a friend signal: true/false, yes/no, y/n, 1/0 |
| consentAnalytics |    | counted in population analytics: true/false, yes/no, y/n, 1/0 |
| consentMarketing |    | sent or shown campaign offers: true/false, yes/no, y/n, 1/0 |
| consent  |          | older name of consentSocial (consentSocial wins when both are given) |

### items
| column   | required | meaning                                                   |
|----------|----------|-----------------------------------------------------------|
| id       | yes      | item id (SKU)                                             |
| title    |          | display title                                             |
| price    |          | number, not negative                                      |
| category |          | category id; several separated by \`\\|\` (e.g. \`shoes\\|sale\`) |
| tags     |          | tag ids separated by \`\\|\`                                 |
| *other*  |          | any other column becomes a text attribute (brand, colour)  |

### interactions
| column | required | meaning                                                                 |
|--------|----------|-------------------------------------------------------------------------|
| id     | yes      | event id, unique and stable across exports (re-loading it is idempotent) |
| userId | yes      | user id                                                                 |
| itemId | yes      | item id                                                                 |
| type   | yes      | view, favourite, cart, purchase, cancel, rating, or an alias: pv, click, fav, favorite, like, addtocart, add_to_cart, buy, order, return, refund, rate (any case) |
| ts     | yes      | time of the event, see below                                            |
| value  |          | number (the rating for \`rating\` events)                                |
| quantity |        | implicit-feedback amount, a number not below 0: units bought, play count, seconds of dwell time (default 1) |

**Quantity.** The models read one weight per user and item, the sum of that pair's event weights
(view 1, favourite 2, cart 3, purchase 5, cancel -4, rating its value - 2). A row with a \`quantity\`
adds quantity × its type's weight: \`purchase\` with quantity 3 weighs 15, like three purchase rows;
\`view\` with quantity 120 (seconds, or plays) weighs 120; quantity 0 keeps the event in the history with
no weight. The per-type counts (views, purchases, ...) still count rows. The weight is not damped at
load: heavy-tailed amounts (play counts in the thousands) are best damped by the GRAPH model's
\`weighting: 'log1p'\` (the Last.fm loader instead stores log(1 + plays) per pair, having no events).

**Timestamps.** An integer is epoch time: below 100,000,000,000 it is **seconds**, otherwise
**milliseconds** (the cut-off is the year 5138 in seconds and March 1973 in milliseconds, so real
data is never ambiguous). Anything else must be ISO-8601: \`YYYY-MM-DD\`, optionally followed by
\`T\` or a space and \`hh:mm\`, \`hh:mm:ss\` or \`hh:mm:ss.fff\`, optionally followed by \`Z\` or an
offset \`+hh:mm\` / \`-hhmm\`. Without an offset the time is **UTC**; a date alone is midnight UTC.
Impossible dates (2024-02-30), fractional epoch values and times before 1970 are rejected.

### social
| column | required | meaning                                   |
|--------|----------|-------------------------------------------|
| from   | yes      | user id                                   |
| to     | yes      | user id, different from \`from\`           |
| kind   |          | \`friend\` (default, symmetric) or \`follow\` (directed) |

A friendship listed in both directions gives two rows; the graph stores it once.

## Column mapping

If your columns have other names, map canonical names to yours instead of renaming files, e.g.
\`{ interactions: { userId: 'customer', itemId: 'sku', type: 'action', ts: 'time' } }\`.
Rejections then name your column.

## Rejections

Rejected rows are reported with file, line, reason, column and a message, and the rest still loads.

| reason             | when                                                              |
|--------------------|-------------------------------------------------------------------|
| missing_id         | \`id\` empty or absent (users, items, interactions)                  |
| invalid_id         | an id (\`id\`, \`userId\`, \`itemId\`, \`from\`, \`to\`, a category or tag) holds a control, zero-width, BOM or bidi character, or is over 200 characters |
| missing_field      | another required column empty or absent                           |
| bad_timestamp      | \`ts\` follows neither rule above                                    |
| unknown_event_type | \`type\` is not a known type or alias                                |
| negative_price     | \`price\` below 0                                                    |
| bad_number         | \`age\`, \`price\`, \`value\` or \`quantity\` is not a number (or age out of range, or quantity negative) |
| bad_encoding       | the line is not valid UTF-8                                       |
| self_loop          | \`from\` equals \`to\` in social                                       |
| malformed_row      | wrong column count, invalid JSON, not a JSON object, unknown social kind, bad consent value (any consent column); an unclosed CSV quote stops the file there (the rejection says so) |
`;
