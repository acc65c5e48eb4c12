import type { Request, RequestHandler } from 'express';
import type { User } from './db.js';

/** The signed-in user of a request (session cookie or bearer token). */
export declare function currentUser(req: Request): Promise<User>;

/** Lets only staff through. */
export declare const requireAdmin: RequestHandler;

/** The session behind a fetch `Request` (Next.js route handlers). */
export declare function getSession(request: globalThis.Request): Promise<{ userId: string } | null>;
