"""PyTorch reference for bench/train-throughput: the same three models, data shapes, batch size (64), optimizer
(Adam, lr 1e-3) and thread count as the TF.js runs, on synthetic random data. Prints one JSON line per model.

Usage: python3 bench/train-throughput/pytorch_reference.py [--threads 2] [--batches N] [--batch-size 64] [--device cpu|cuda] [model ...]
Needs torch (Debian bookworm: apt-get install -y python3-torch, PyTorch 1.13); not a project dependency.
"""
import argparse
import json
import resource
import time

import torch
from torch import nn

BATCH = 64


def reference_cnn(channels: int, side: int) -> nn.Module:
    # Conv 32·3×3 relu → MaxPool 2 → Conv 64·3×3 relu → MaxPool 2 → Flatten → Dense 128 relu → Dropout 0.3 → Dense 10
    # ('same' padding, as the Hyperscope builder).
    flat = 64 * (side // 4) * (side // 4)
    return nn.Sequential(
        nn.Conv2d(channels, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(flat, 128), nn.ReLU(), nn.Dropout(0.3), nn.Linear(128, 10),
    )


class ReferenceLstm(nn.Module):
    """Embedding 10 000×64 → LSTM 64 (last h) → Dense 2 (softmax in the loss)."""

    def __init__(self) -> None:
        super().__init__()
        self.embedding = nn.Embedding(10_000, 64)
        self.lstm = nn.LSTM(64, 64, batch_first=True)
        self.head = nn.Linear(64, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        _, (h, _) = self.lstm(self.embedding(x))
        return self.head(h[-1])


def model_and_batch(name: str, batch: int):
    if name == 'mnist-cnn':
        return reference_cnn(1, 28), torch.rand(batch, 1, 28, 28), torch.randint(0, 10, (batch,))
    if name == 'cifar-cnn':
        return reference_cnn(3, 32), torch.rand(batch, 3, 32, 32), torch.randint(0, 10, (batch,))
    if name == 'imdb-lstm':
        return ReferenceLstm(), torch.randint(2, 10_000, (batch, 200)), torch.randint(0, 2, (batch,))
    raise SystemExit(f'unknown model {name}')


def measure(name: str, batches: int, batch: int, device: str) -> dict:
    torch.manual_seed(1)
    model, x, y = model_and_batch(name, batch)
    model, x, y = model.to(device), x.to(device), y.to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    model.train()

    def step() -> None:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        loss.item()

    # loss.item() synchronizes every step, as the TF.js trainer reads every batch's loss.
    for _ in range(3):
        step()
    started = time.perf_counter()
    cpu_started = time.process_time()
    for _ in range(batches):
        step()
    wall = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    return {
        'model': name,
        'backend': 'pytorch',
        'threads': torch.get_num_threads(),
        'device': torch.cuda.get_device_name() if device == 'cuda' else 'cpu',
        'batchSize': batch,
        'samplesPerSecond': batches * batch / wall,
        'samplesPerCpuSecond': batches * batch / cpu,
        'peakRssMb': round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument('--threads', type=int, default=2)
    parser.add_argument('--batches', type=int, default=20)
    parser.add_argument('--batch-size', type=int, default=BATCH)
    parser.add_argument('--device', default='cpu')
    parser.add_argument('models', nargs='*', default=['mnist-cnn', 'cifar-cnn', 'imdb-lstm'])
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    for name in args.models:
        print(json.dumps({**measure(name, args.batches, args.batch_size, args.device), 'torchVersion': torch.__version__}), flush=True)


if __name__ == '__main__':
    main()
