/**
 * Synthetic test functions with their literature domains and optima (Surjanovic & Bingham, "Virtual Library
 * of Simulation Experiments", sfu.ca/~ssurjano). All are minimized.
 */
export interface TestFunction {
  name: string;
  bounds: Array<[number, number]>;
  optimum: number;
  evaluate: (x: readonly number[]) => number;
}

export const branin: TestFunction = {
  name: 'Branin',
  bounds: [
    [-5, 10],
    [0, 15],
  ],
  optimum: 0.397887357729738,
  evaluate: ([x1, x2]) => {
    const b = 5.1 / (4 * Math.PI ** 2);
    const c = 5 / Math.PI;
    const t = 1 / (8 * Math.PI);
    return (x2! - b * x1! ** 2 + c * x1! - 6) ** 2 + 10 * (1 - t) * Math.cos(x1!) + 10;
  },
};

const H6_ALPHA = [1.0, 1.2, 3.0, 3.2];
const H6_A = [
  [10, 3, 17, 3.5, 1.7, 8],
  [0.05, 10, 17, 0.1, 8, 14],
  [3, 3.5, 1.7, 10, 17, 8],
  [17, 8, 0.05, 10, 0.1, 14],
];
const H6_P = [
  [1312, 1696, 5569, 124, 8283, 5886],
  [2329, 4135, 8307, 3736, 1004, 9991],
  [2348, 1451, 3522, 2883, 3047, 6650],
  [4047, 8828, 8732, 5743, 1091, 381],
].map((row) => row.map((v) => v * 1e-4));

export const hartmann6: TestFunction = {
  name: 'Hartmann6',
  bounds: Array.from({ length: 6 }, () => [0, 1] as [number, number]),
  optimum: -3.32236801141551,
  evaluate: (x) => {
    let sum = 0;
    for (let i = 0; i < 4; i++) {
      let inner = 0;
      for (let j = 0; j < 6; j++) inner += H6_A[i]![j]! * (x[j]! - H6_P[i]![j]!) ** 2;
      sum += H6_ALPHA[i]! * Math.exp(-inner);
    }
    return -sum;
  },
};

export const rosenbrock10: TestFunction = {
  name: 'Rosenbrock-10D',
  bounds: Array.from({ length: 10 }, () => [-5, 10] as [number, number]),
  optimum: 0,
  evaluate: (x) => {
    let sum = 0;
    for (let i = 0; i < x.length - 1; i++) sum += 100 * (x[i + 1]! - x[i]! ** 2) ** 2 + (x[i]! - 1) ** 2;
    return sum;
  },
};

export const sphere10: TestFunction = {
  name: 'Sphere-10D',
  bounds: Array.from({ length: 10 }, () => [-5.12, 5.12] as [number, number]),
  optimum: 0,
  evaluate: (x) => x.reduce((s, v) => s + v * v, 0),
};

export const TEST_FUNCTIONS: readonly TestFunction[] = [branin, hartmann6, rosenbrock10, sphere10];
