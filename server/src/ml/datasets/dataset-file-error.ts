/** A dataset file is missing, corrupt or unreadable; the message says which file, where we looked and how to get it. */
export class DatasetFileError extends Error {
  constructor(
    message: string,
    readonly filePath: string,
  ) {
    super(message);
    this.name = 'DatasetFileError';
  }
}
