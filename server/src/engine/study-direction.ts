/** Whether an objective is minimized or maximized; the names match what the database stores. */
export type StudyDirection = 'minimize' | 'maximize';

/** +1 for minimize, -1 for maximize: multiply a value by it to get a loss (smaller is better). */
export function lossSign(direction: StudyDirection): 1 | -1 {
  return direction === 'minimize' ? 1 : -1;
}
