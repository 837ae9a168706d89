import type { TextEncoding } from '../shared/read-delimited.ts';

/** One HetRec Last.fm 2K file: tab-separated, one header line. */
export interface LastfmFile {
  readonly name: string;
  readonly columns: readonly string[];
  readonly encoding: TextEncoding;
}

// Read in this order so tags and artists exist before the rows that reference them (writers MERGE by
// id anyway, so the order is for readable progress, not correctness).
export const LASTFM_FILES = {
  tags: { name: 'tags.dat', columns: ['tagID', 'tagValue'], encoding: 'latin1' }, // ISO-8859-1, not UTF-8
  artists: { name: 'artists.dat', columns: ['id', 'name', 'url', 'pictureURL'], encoding: 'utf8' },
  userArtists: { name: 'user_artists.dat', columns: ['userID', 'artistID', 'weight'], encoding: 'utf8' },
  userFriends: { name: 'user_friends.dat', columns: ['userID', 'friendID'], encoding: 'utf8' },
  userTaggedArtists: {
    name: 'user_taggedartists.dat',
    columns: ['userID', 'artistID', 'tagID', 'day', 'month', 'year'],
    encoding: 'utf8',
  },
} as const satisfies Record<string, LastfmFile>;

/**
 * Records the original HetRec 2K files produce (11,946 tags + 17,632 artists + 1,892 users + 92,834
 * listening counts + 12,717 friendships + 109,750 distinct artist-tag pairs). Drives the progress ETA only.
 */
export const LASTFM_ESTIMATED_ROWS = 11_946 + 17_632 + 1_892 + 92_834 + 12_717 + 109_750;
