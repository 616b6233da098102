// setupFiles: after every test file, remove the temp folders its tests made with tempDir().
import { afterAll } from 'vitest';
import { removeTempDirs } from '../helpers/temp.js';

afterAll(removeTempDirs);
