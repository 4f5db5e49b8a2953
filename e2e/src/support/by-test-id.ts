/** The CSS selector of the element the dashboard marks with `data-testid="id"`. */
export const byTestId = (id: string) => `[data-testid="${id}"]`;
