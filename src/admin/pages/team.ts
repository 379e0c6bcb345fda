import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { audit } from '../audit-repo.ts';
import { MANAGERS, requireStaff } from '../auth.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { setFlash } from '../flash.ts';
import { formatDateTime } from '../format.ts';
import { html } from '../layout.ts';
import { cinemaOf, cinemaPath, csrfToken, sendPage, staffOf } from '../page-context.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../passwords.ts';
import { deleteUserSessions } from '../sessions-repo.ts';
import { getUser, insertUser, listUsers, setUserDisabled } from '../users-repo.ts';
import { csrfField } from '../zod-schemas.ts';
import { settingsTabs } from './settings.ts';

const params = z.object({ cinemaId: z.string().max(64) });
const userParams = params.extend({ userId: z.string().max(64) });
const addBody = z.object({
  email: z.string().trim().max(254),
  name: z.string().trim().max(100).optional(),
  role: z.enum(['manager', 'staff']),
  password: z.string().max(1024),
  ...csrfField,
});

/** The cinema's own dashboard users: managers add box-office staff and managers, and switch them off. */
export function teamRoutes(app: FastifyInstance, deps: AppDeps): void {
  const guard = requireStaff(MANAGERS);

  app.get('/admin/c/:cinemaId/settings/team', { preHandler: guard, schema: { params } }, async (request: FastifyRequest<{ Params: { cinemaId: string } }>, reply) => {
    const cinema = await cinemaOf(deps, request);
    const users = await listUsers(deps.db, cinema.id);
    const csrf = csrfToken(request, reply);
    const me = staffOf(request).userId;
    const base = cinemaPath(cinema.id, '/settings/team');
    const body = html`${settingsTabs(cinema.id, 'team')}
<section class="card"><header><h2>Team</h2></header>
${users.length
  ? html`<div class="table-wrap"><table><thead><tr><th>Name</th><th>E-mail</th><th>Role</th><th>Added</th><th>Status</th><th></th></tr></thead><tbody>${users.map(
      (u) => html`<tr><td>${u.name ?? '—'}</td><td>${u.email}</td><td><span class="badge">${u.role === 'manager' ? 'Manager' : 'Staff'}</span></td><td>${formatDateTime(u.createdAt, cinema.timezone)}</td>
      <td>${u.disabled ? html`<span class="badge badge-inactive">Disabled</span>` : html`<span class="badge badge-active">Active</span>`}</td>
      <td>${u.id === me ? html`<small class="muted">you</small>` : html`<form method="post" action="${base}/${encodeURIComponent(u.id)}/${u.disabled ? 'enable' : 'disable'}" ${u.disabled ? '' : html`data-confirm="Disable ${u.email}? They are signed out at once."`}><input type="hidden" name="_csrf" value="${csrf}"><button class="btn btn-sm ${u.disabled ? '' : 'btn-danger'}" type="submit">${u.disabled ? 'Enable' : 'Disable'}</button></form>`}</td></tr>`,
    )}</tbody></table></div>`
  : html`<p class="empty">Nobody yet.</p>`}
</section>
<section class="card"><h2>Add someone</h2>
<form method="post" action="${base}" class="filters" autocomplete="off">
  <input type="hidden" name="_csrf" value="${csrf}">
  <div class="field"><label for="email">E-mail</label><input id="email" name="email" type="email" required></div>
  <div class="field"><label for="name">Name</label><input id="name" name="name" type="text" maxlength="100"></div>
  <div class="field"><label for="role">Role</label><select id="role" name="role"><option value="staff">Staff: bookings, check-in, conversations</option><option value="manager">Manager: everything for this cinema</option></select></div>
  <div class="field"><label for="password">First password</label><input id="password" name="password" type="password" required minlength="${MIN_PASSWORD_LENGTH}" autocomplete="new-password"></div>
  <div class="field"><button class="btn btn-primary" type="submit">Add</button></div>
</form></section>`;
    return sendPage(request, reply, { title: 'Settings', cinema, active: 'settings', body });
  });

  app.post('/admin/c/:cinemaId/settings/team', { preHandler: guard, schema: { params, body: addBody } }, async (request: FastifyRequest<{ Params: { cinemaId: string }; Body: z.infer<typeof addBody> }>, reply) => {
    const { cinemaId } = request.params;
    const b = request.body;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(b.email)) throw badRequest('invalid_email', 'Enter a valid e-mail address.');
    if (b.password.length < MIN_PASSWORD_LENGTH) throw badRequest('weak_password', `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
    const now = deps.clock.now();
    const user = await insertUser(deps.db, now, { email: b.email, name: b.name || null, role: b.role, cinemaId, passwordHash: await hashPassword(b.password) });
    if (!user) throw conflict('email_taken', 'Someone with that e-mail already has an account.');
    await audit(deps.db, now, { cinemaId, userId: staffOf(request).userId, action: 'user_added', subject: user.id });
    setFlash(reply, { kind: 'ok', text: `${user.email} can now sign in.` });
    return reply.redirect(cinemaPath(cinemaId, '/settings/team'), 303);
  });

  for (const action of ['disable', 'enable'] as const) {
    app.post(
      `/admin/c/:cinemaId/settings/team/:userId/${action}`,
      { preHandler: guard, schema: { params: userParams, body: z.object(csrfField) } },
      async (request: FastifyRequest<{ Params: { cinemaId: string; userId: string } }>, reply) => {
        const { cinemaId, userId } = request.params;
        const user = await getUser(deps.db, userId);
        // Only this cinema's own people; operators are managed from the command line.
        if (!user || user.cinemaId !== cinemaId || user.role === 'operator') throw notFound('user');
        if (userId === staffOf(request).userId) throw badRequest('own_account', 'You cannot disable your own account.');
        const now = deps.clock.now();
        await setUserDisabled(deps.db, now, userId, action === 'disable');
        if (action === 'disable') await deleteUserSessions(deps.db, userId);
        await audit(deps.db, now, { cinemaId, userId: staffOf(request).userId, action: `user_${action}d`, subject: userId });
        setFlash(reply, { kind: 'ok', text: `${user.email} is ${action}d.` });
        return reply.redirect(cinemaPath(cinemaId, '/settings/team'), 303);
      },
    );
  }
}
