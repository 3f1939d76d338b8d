import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import {
  jsonContent,
  problemResponse as problem,
  bearerSecurity as security,
} from '../../../platform/http/openapi-parts.ts';
import { NOTICE_EVENTS } from '../notices/notice-matrix.ts';
import type { AdTemplate, NoticeCell, NoticeSettings } from '../notices/notice-settings.ts';
import { requireAdmin } from './booking-access.ts';

const tags = ['booking'];
const errors = { 400: problem('Invalid input'), 401: problem('Not signed in'), 403: problem('Admins only') };
const body = <T extends z.ZodType>(schema: T) => ({ body: { ...jsonContent(schema), required: true } });
const ok = <T extends z.ZodType>(schema: T, description: string) => ({ description, ...jsonContent(schema) });

const id = z.string().uuid();
const role = z.enum(['client', 'specialist', 'admin']);
const channel = z.enum(['telegram', 'web_push']);
const Cell = z
  .object({
    event: z.enum(NOTICE_EVENTS),
    recipient_role: role,
    channel,
    enabled: z.boolean(),
    ad_template_id: id.nullable(),
  })
  .openapi('BookingNotificationSetting');
const Matrix = z.object({ settings: z.array(Cell) }).openapi('BookingNotificationSettings');
const MatrixPut = z
  .object({
    settings: z
      .array(
        z
          .object({
            event: z.enum(NOTICE_EVENTS),
            recipient_role: role,
            channel,
            enabled: z.boolean().optional(),
            ad_template_id: id.nullable().optional().openapi({ description: 'null removes the footer' }),
          })
          .refine((c) => c.enabled !== undefined || c.ad_template_id !== undefined, {
            message: 'give enabled, ad_template_id or both',
          }),
      )
      .min(1)
      .max(100),
  })
  .openapi('BookingNotificationSettingsPut');

const text = z.string().trim().min(1).max(300);
const Template = z.object({ id, text: z.string(), active: z.boolean() }).openapi('BookingAdTemplate');
const TemplateCreate = z.object({ text, active: z.boolean().optional() }).openapi('BookingAdTemplateCreate');
const TemplatePut = z
  .object({ text: text.optional(), active: z.boolean().optional() })
  .refine((b) => b.text !== undefined || b.active !== undefined, { message: 'give text, active or both' })
  .openapi('BookingAdTemplatePut');
const TemplateParam = z.object({ id });

const routes = {
  getSettings: createRoute({
    method: 'get',
    operationId: 'getBookingNotificationSettings',
    path: '/notification-settings',
    tags,
    security,
    summary: 'Which notices go out: event × recipient role × channel, each on/off with an ad footer (admin)',
    responses: { 200: ok(Matrix, 'Every switchable notice'), ...errors },
  }),
  putSettings: createRoute({
    method: 'put',
    operationId: 'updateBookingNotificationSettings',
    path: '/notification-settings',
    tags,
    security,
    summary: 'Switch notices on/off or give them an ad template (admin); all or nothing',
    request: body(MatrixPut),
    responses: {
      200: ok(Matrix, 'The matrix after the change'),
      ...errors,
      404: problem('No such ad template'),
    },
  }),
  listTemplates: createRoute({
    method: 'get',
    operationId: 'listBookingAdTemplates',
    path: '/ad-templates',
    tags,
    security,
    summary: 'Ad footers (admin)',
    responses: { 200: ok(z.object({ templates: z.array(Template) }), 'All'), ...errors },
  }),
  createTemplate: createRoute({
    method: 'post',
    operationId: 'createBookingAdTemplate',
    path: '/ad-templates',
    tags,
    security,
    summary: 'Add an ad footer (admin); attach it with PUT /notification-settings',
    request: body(TemplateCreate),
    responses: { 201: ok(Template, 'Created'), ...errors },
  }),
  putTemplate: createRoute({
    method: 'put',
    operationId: 'updateBookingAdTemplate',
    path: '/ad-templates/{id}',
    tags,
    security,
    summary: 'Change an ad footer’s text or switch it off (admin)',
    request: { params: TemplateParam, ...body(TemplatePut) },
    responses: { 200: ok(Template, 'Saved'), ...errors, 404: problem('No such ad template') },
  }),
  deleteTemplate: createRoute({
    method: 'delete',
    operationId: 'deleteBookingAdTemplate',
    path: '/ad-templates/{id}',
    tags,
    security,
    summary: 'Remove an ad footer (admin); notices that used it go without',
    request: { params: TemplateParam },
    responses: { 204: { description: 'Removed' }, ...errors, 404: problem('No such ad template') },
  }),
};

const cellDto = (c: NoticeCell) => ({
  event: c.event,
  recipient_role: c.role,
  channel: c.channel,
  enabled: c.enabled,
  ad_template_id: c.adTemplateId,
});
const templateDto = (t: AdTemplate) => ({ id: t.id, text: t.text, active: t.active });

/** /notification-settings and /ad-templates: admin only. */
export function addNoticeRoutes(app: OpenAPIHono<AppEnv>, notices: NoticeSettings): void {
  app.openapi(routes.getSettings, async (c) => {
    requireAdmin(c.get('user'));
    return c.json({ settings: (await notices.matrix()).map(cellDto) }, 200);
  });
  app.openapi(routes.putSettings, async (c) => {
    requireAdmin(c.get('user'));
    const b = c.req.valid('json');
    const cells = await notices.update(
      b.settings.map((s) => ({
        event: s.event,
        role: s.recipient_role,
        channel: s.channel,
        enabled: s.enabled,
        adTemplateId: s.ad_template_id,
      })),
    );
    return c.json({ settings: cells.map(cellDto) }, 200);
  });
  app.openapi(routes.listTemplates, async (c) => {
    requireAdmin(c.get('user'));
    return c.json({ templates: (await notices.listTemplates()).map(templateDto) }, 200);
  });
  app.openapi(routes.createTemplate, async (c) => {
    requireAdmin(c.get('user'));
    return c.json(templateDto(await notices.createTemplate(c.req.valid('json'))), 201);
  });
  app.openapi(routes.putTemplate, async (c) => {
    requireAdmin(c.get('user'));
    const { id } = c.req.valid('param');
    return c.json(templateDto(await notices.updateTemplate(id, c.req.valid('json'))), 200);
  });
  app.openapi(routes.deleteTemplate, async (c) => {
    requireAdmin(c.get('user'));
    await notices.deleteTemplate(c.req.valid('param').id);
    return c.body(null, 204);
  });
}
