// Imported first by the bin, for its side effect: V8's compile cache on (Node ≥ 22.1).
import { enableCompileCache } from './compile-cache.js';

enableCompileCache(process.env);
