import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.ts';
import { CERTIFICATES, createMovie, getMovie, listMovies, updateMovie, type Movie } from '../../../cinema/index.ts';
import { MANAGERS, requireStaff } from '../../auth.ts';
import { notFound } from '../../errors.ts';
import { html } from '../../layout.ts';
import { saveMedia } from '../../media-repo.ts';
import { cinemaOf, cinemaPath, csrfToken, sendPage } from '../../page-context.ts';
import { readImageUpload } from '../../uploads.ts';
import { catalogueTabs, nullable, orBack } from './common.ts';

const params = z.object({ cinemaId: z.string().max(64) });
const movieParams = params.extend({ movieId: z.string().max(64) });
const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** The multipart form's fields as domain input; the domain validates them. */
function toInput(f: Record<string, string>, posterUrl: string | undefined) {
  return {
    title: f.title ?? '',
    synopsis: f.synopsis ?? '',
    durationMinutes: Number(f.durationMinutes),
    certificate: (f.certificate ?? '') as Movie['certificate'],
    languages: list(f.languages),
    genres: list(f.genres),
    releaseDate: nullable(f.releaseDate),
    trailerUrl: nullable(f.trailerUrl),
    isActive: f.isActive === 'on',
    ...(posterUrl ? { posterUrl } : {}),
  };
}

function movieForm(action: string, csrf: string, m: Partial<Movie>, submit: string) {
  return html`<form method="post" action="${action}?_csrf=${encodeURIComponent(csrf)}" enctype="multipart/form-data">
  <div class="field-row">
    <div class="field"><label for="title">Title</label><input id="title" name="title" type="text" required maxlength="200" value="${m.title ?? ''}"></div>
    <div class="field"><label for="durationMinutes">Running time (minutes)</label><input id="durationMinutes" name="durationMinutes" type="number" min="1" max="600" required value="${m.durationMinutes ?? ''}"></div>
    <div class="field"><label for="certificate">Certificate</label><select id="certificate" name="certificate">${CERTIFICATES.map((c) => html`<option ${m.certificate === c ? 'selected' : ''}>${c}</option>`)}</select></div>
    <div class="field"><label for="releaseDate">Release date</label><input id="releaseDate" name="releaseDate" type="date" value="${m.releaseDate ?? ''}"></div>
  </div>
  <div class="field-row">
    <div class="field"><label for="languages">Languages <small>(comma-separated)</small></label><input id="languages" name="languages" type="text" value="${(m.languages ?? []).join(', ')}" placeholder="Tamil, Telugu"></div>
    <div class="field"><label for="genres">Genres</label><input id="genres" name="genres" type="text" value="${(m.genres ?? []).join(', ')}" placeholder="Action, Drama"></div>
    <div class="field"><label for="trailerUrl">Trailer URL</label><input id="trailerUrl" name="trailerUrl" type="url" value="${m.trailerUrl ?? ''}"></div>
  </div>
  <div class="field"><label for="synopsis">Synopsis</label><textarea id="synopsis" name="synopsis" maxlength="2000">${m.synopsis ?? ''}</textarea></div>
  <div class="row" style="align-items:flex-end">
    ${m.posterUrl ? html`<img class="poster poster-lg" src="${m.posterUrl}" alt="Current poster">` : ''}
    <div class="field"><label for="poster">Poster <small>(PNG or JPEG, up to 5 MB)</small></label><input id="poster" name="poster" type="file" accept="image/png,image/jpeg"></div>
  </div>
  <div class="checks"><label><input type="checkbox" name="isActive" ${m.isActive === false ? '' : 'checked'}> Showing (offered to customers)</label></div>
  <div class="actions"><button class="btn btn-primary" type="submit">${submit}</button></div>
</form>`;
}

export function movieRoutes(app: FastifyInstance, deps: AppDeps): void {
  const guard = requireStaff(MANAGERS);

  /** Stores an uploaded poster and returns its absolute URL (WhatsApp fetches media by https URL). */
  async function posterFrom(cinemaId: string, request: FastifyRequest) {
    const upload = await readImageUpload(request);
    const path = upload.image ? await saveMedia(deps.db, deps.clock.now(), { cinemaId, kind: 'poster', mimeType: upload.image.mimeType, data: upload.image.data }) : undefined;
    return { fields: upload.fields, posterUrl: path ? `${deps.config.publicUrl}${path}` : undefined };
  }

  app.get('/admin/c/:cinemaId/catalogue/movies', { preHandler: guard, schema: { params } }, async (request: FastifyRequest<{ Params: { cinemaId: string } }>, reply) => {
    const cinema = await cinemaOf(deps, request);
    const movies = await listMovies(deps.db, { cinemaId: cinema.id });
    const body = html`${catalogueTabs(cinema.id, 'movies')}
<section class="card"><header><h2>Films</h2></header>
${movies.length
  ? html`<div class="table-wrap"><table><thead><tr><th></th><th>Title</th><th>Certificate</th><th>Languages</th><th class="num">Minutes</th><th>Status</th></tr></thead><tbody>${movies.map(
      (m) => html`<tr><td>${m.posterUrl ? html`<img class="poster" src="${m.posterUrl}" alt="">` : html`<span class="poster" aria-hidden="true"></span>`}</td><td><a href="${cinemaPath(cinema.id, `/catalogue/movies/${encodeURIComponent(m.id)}`)}"><strong>${m.title}</strong></a><br><small class="muted">${m.genres.join(', ')}</small></td><td><span class="badge">${m.certificate}</span></td><td>${m.languages.join(', ')}</td><td class="num">${m.durationMinutes}</td><td>${m.isActive ? html`<span class="badge badge-active">Showing</span>` : html`<span class="badge badge-inactive">Hidden</span>`}</td></tr>`,
    )}</tbody></table></div>`
  : html`<p class="empty">No films yet.</p>`}
</section>
<section class="card"><h2>Add a film</h2>${movieForm(cinemaPath(cinema.id, '/catalogue/movies'), csrfToken(request, reply), {}, 'Add film')}</section>`;
    return sendPage(request, reply, { title: 'Catalogue', cinema, active: 'catalogue', body });
  });

  app.post('/admin/c/:cinemaId/catalogue/movies', { preHandler: guard, schema: { params } }, async (request: FastifyRequest<{ Params: { cinemaId: string } }>, reply) => {
    const { cinemaId } = request.params;
    const { fields, posterUrl } = await posterFrom(cinemaId, request);
    const back = cinemaPath(cinemaId, '/catalogue/movies');
    return orBack(reply, back, async () => {
      await createMovie({ db: deps.db, clock: deps.clock }, { cinemaId, ...toInput(fields, posterUrl) });
      return back;
    });
  });

  app.get('/admin/c/:cinemaId/catalogue/movies/:movieId', { preHandler: guard, schema: { params: movieParams } }, async (request: FastifyRequest<{ Params: { cinemaId: string; movieId: string } }>, reply) => {
    const cinema = await cinemaOf(deps, request);
    const m = await getMovie(deps.db, { cinemaId: cinema.id, movieId: request.params.movieId });
    if (!m) throw notFound('film');
    const body = html`${catalogueTabs(cinema.id, 'movies')}<section class="card"><h2>${m.title}</h2>${movieForm(cinemaPath(cinema.id, `/catalogue/movies/${encodeURIComponent(m.id)}`), csrfToken(request, reply), m, 'Save film')}</section>`;
    return sendPage(request, reply, { title: 'Catalogue', cinema, active: 'catalogue', body });
  });

  app.post('/admin/c/:cinemaId/catalogue/movies/:movieId', { preHandler: guard, schema: { params: movieParams } }, async (request: FastifyRequest<{ Params: { cinemaId: string; movieId: string } }>, reply) => {
    const { cinemaId, movieId } = request.params;
    if (!(await getMovie(deps.db, { cinemaId, movieId }))) throw notFound('film');
    const { fields, posterUrl } = await posterFrom(cinemaId, request);
    return orBack(reply, cinemaPath(cinemaId, `/catalogue/movies/${encodeURIComponent(movieId)}`), async () => {
      await updateMovie({ db: deps.db, clock: deps.clock }, { cinemaId, movieId, patch: toInput(fields, posterUrl) });
      return cinemaPath(cinemaId, '/catalogue/movies');
    });
  });
}
