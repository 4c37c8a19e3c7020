import { Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { UploadedFileResponse } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { storageConfig, type StorageConfig } from '../../config/storage.config.js';
import { readMultipartUpload } from './multipart-upload.js';
import { UploadsService, type FileVariant } from './uploads.service.js';

@ApiTags('文件')
@Controller('files')
export class FilesController {
  constructor(
    private readonly uploads: UploadsService,
    @Inject(storageConfig.KEY) private readonly config: StorageConfig,
  ) {}

  @Post()
  @HttpCode(201)
  @Authenticated()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['purpose', 'file'],
      properties: {
        purpose: { type: 'string', description: '用途（personal；积分商城、线索等模块登记自己的用途）' },
        file: { type: 'string', format: 'binary', description: 'JPG / PNG / WebP 照片，按内容识别类型' },
      },
    },
  })
  @ApiOperation({
    summary: '上传照片：按内容识别类型、限制大小和每日次数，服务端重新编码（去除 EXIF/GPS）并生成缩略图；返回读取地址',
  })
  async upload(@CurrentActor() actor: Actor, @Req() req: FastifyRequest): Promise<UploadedFileResponse> {
    const upload = await readMultipartUpload(req, this.config.maxImageBytes);
    return this.uploads.accept(actor, upload);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: '读取照片（仅上传者或该用途允许的人；否则 404）' })
  file(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    return this.send(actor, id, 'main', reply);
  }

  @Get(':id/thumb')
  @Authenticated()
  @ApiOperation({ summary: '读取照片缩略图（权限同原图）' })
  thumb(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    return this.send(actor, id, 'thumb', reply);
  }

  private async send(actor: Actor, id: string, variant: FileVariant, reply: FastifyReply): Promise<void> {
    const file = await this.uploads.read(actor, id, variant);
    await reply
      .type(file.mime)
      .header('Cache-Control', 'private, max-age=86400')
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Disposition', `inline; filename="${file.downloadName}"`)
      .send(file.stream);
  }
}
