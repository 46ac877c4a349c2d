import fastifyMultipart from '@fastify/multipart';
import { ATTACHMENT_LIMITS, AttachmentList } from '@vigie/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { ctxOf } from '../../http/request-context.js';
import { errorResponses, idParam } from '../../http/route-helpers.js';
import type { Services } from '../../http/services.js';
import { contentDisposition } from './attachment-files.js';
import type { IncomingFile } from './attachments.service.js';

const MB = 1024 * 1024;

/**
 * Ticket files over HTTP: upload as multipart/form-data (one or more `file` parts, and `internal=true` for staff),
 * list, and download (always as an attachment, with a content type browsers never run).
 */
export function attachmentRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['attachments'];
    await app.register(fastifyMultipart, {
      limits: {
        fileSize: ATTACHMENT_LIMITS.maxFileBytes,
        // One more than allowed, so that too many files is told as such (422) rather than cut off silently.
        files: ATTACHMENT_LIMITS.maxFilesPerUpload + 1,
        fields: 5,
        parts: ATTACHMENT_LIMITS.maxFilesPerUpload + 6,
      },
    });
    app.post(
      '/api/v1/tickets/:ticketId/attachments',
      {
        bodyLimit: ATTACHMENT_LIMITS.maxFileBytes * ATTACHMENT_LIMITS.maxFilesPerUpload + MB,
        schema: {
          tags,
          params: idParam('ticketId'),
          consumes: ['multipart/form-data'],
          response: { 201: AttachmentList, ...errorResponses },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request);
        // The ticket is checked before the upload is read: a stranger learns nothing and sends nothing for long.
        await services.tickets.readable(ctx, request.params.ticketId);
        const { files, internal } = await readUpload(request);
        const items = await services.attachments.upload(ctx, request.params.ticketId, files, internal);
        return reply.status(201).send({ items });
      },
    );
    app.get(
      '/api/v1/tickets/:ticketId/attachments',
      { schema: { tags, params: idParam('ticketId'), response: { 200: AttachmentList, ...errorResponses } } },
      async (request) => ({ items: await services.attachments.list(ctxOf(request), request.params.ticketId) }),
    );
    app.get(
      '/api/v1/attachments/:attachmentId/content',
      {
        schema: {
          tags,
          params: idParam('attachmentId'),
          produces: ['application/octet-stream'],
          response: { 200: z.any().describe('the file'), ...errorResponses },
        },
      },
      async (request, reply) => {
        const file = await services.attachments.content(ctxOf(request), request.params.attachmentId);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', contentDisposition(file.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .send(Buffer.from(file.content));
      },
    );
  };
}

async function readUpload(request: FastifyRequest): Promise<{ files: IncomingFile[]; internal: boolean }> {
  if (!request.isMultipart()) {
    throw new AppError(415, 'unsupported_media_type', 'Send the files as multipart/form-data, in parts named "file"');
  }
  const files: IncomingFile[] = [];
  let internal = false;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          await part.toBuffer();
          throw new AppError(422, 'invalid', `Unexpected file part "${part.fieldname}": name file parts "file"`);
        }
        if (files.length >= ATTACHMENT_LIMITS.maxFilesPerUpload) {
          throw new AppError(422, 'invalid', `At most ${ATTACHMENT_LIMITS.maxFilesPerUpload} files at once`, [
            { path: ['file'], message: 'too many files' },
          ]);
        }
        const content = await part.toBuffer();
        files.push({ fileName: part.filename, contentType: part.mimetype, content });
      } else if (part.fieldname === 'internal') {
        internal = String(part.value).toLowerCase() === 'true';
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(413, 'payload_too_large', `A file is larger than ${ATTACHMENT_LIMITS.maxFileBytes / MB} MB`);
    }
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
      throw new AppError(422, 'invalid', `At most ${ATTACHMENT_LIMITS.maxFilesPerUpload} files at once`, [
        { path: ['file'], message: 'too many files' },
      ]);
    }
    throw new AppError(400, 'malformed_multipart', 'The multipart body could not be read');
  }
  return { files, internal };
}
