import * as migration_20261207_051920_initial from './20261207_051920_initial';
import * as migration_20261207_061657_media_storage from './20261207_061657_media_storage';

export const migrations = [
  {
    up: migration_20261207_051920_initial.up,
    down: migration_20261207_051920_initial.down,
    name: '20261207_051920_initial',
  },
  {
    up: migration_20261207_061657_media_storage.up,
    down: migration_20261207_061657_media_storage.down,
    name: '20261207_061657_media_storage'
  },
];
