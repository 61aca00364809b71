/**
 * The standalone page's workbook worker (a Web Worker, its own chunk "xlsx"): reading, checking,
 * the annotated copy and the Word file run here, off the page's thread, so the page keeps
 * answering while a large workbook is read and checked. The loop itself is in ./session.
 */
import { serveSession, type WorkerScope } from './session';

serveSession(self as unknown as WorkerScope);
