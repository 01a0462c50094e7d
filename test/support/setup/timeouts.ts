// A test that waits on a barrier fails with what it waited for (waitFor's own timeout) well before this.
jest.setTimeout(120_000);
