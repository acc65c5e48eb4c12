import express from 'express';
import { config } from './config.js';
import { logger } from './db.js';
import { admin } from './routes/admin.js';
import { orders } from './routes/orders.js';
import { signup } from './routes/signup.js';
import { webhooks } from './routes/webhooks.js';

const app = express();

// Webhooks parse their own bodies (signature checks need the raw bytes).
app.use(webhooks);
app.use(express.json());
app.use(signup, orders, admin);

app.listen(config.port, () => logger.info({ port: config.port }, 'listening'));
