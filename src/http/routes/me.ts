// /api/me/alerts: what needs the signed-in user's attention (accounts to connect again, publications to settle).
import { createRoute } from '@hono/zod-openapi';
import { alertsView, myAlerts } from '../../actions/alerts.ts';
import { errors, json, newRouter } from '../openapi.ts';

export const meRouter = newRouter().openapi(
  createRoute({
    method: 'get', path: '/me/alerts', tags: ['Auth'], summary: "Problems for the signed-in user: expired connections of the accounts they hold (a manager's: the organisation's), publications of their organisation that need a check or failed",
    responses: { 200: json(alertsView, 'The alerts, newest first within each kind'), ...errors },
  }),
  async (c) => c.json(await myAlerts(c.var.actor, c.var.deps), 200),
);
