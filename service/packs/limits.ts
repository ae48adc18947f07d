/*
 * What a pack may hold. A pack is a few dozen small text files; these bounds keep a malicious
 * or broken one (a zip bomb, a million files, a 2 GB "lesson") from hurting the app.
 */

/** Files in one pack (folder or zip), directories not counted. */
export const MAX_PACK_FILES = 500;
/** One file, uncompressed. */
export const MAX_FILE_BYTES = 512 * 1024;
/** All files together, uncompressed. */
export const MAX_PACK_BYTES = 16 * 1024 * 1024;
/** A pack zip as it sits on disk. */
export const MAX_ZIP_BYTES = 16 * 1024 * 1024;
/** Folder depth below the pack root (lessons/01-x/lesson.yaml is 3). */
export const MAX_DEPTH = 8;
/** A path inside the pack. */
export const MAX_PATH_LENGTH = 255;
/** YAML aliases expanded per document (billion-laughs guard). */
export const MAX_YAML_ALIASES = 100;
/** Bracket or indentation nesting in one YAML file: pack files are shallow. */
export const MAX_YAML_NESTING = 64;
