// Sends a generated report by e-mail over SMTP (nodemailer), with the file attached.
import nodemailer from 'nodemailer';
import type { MailSettings } from '../config.ts';

export interface ReportMail {
  to: string[];
  subject: string;
  text: string;
  attachment: { filename: string; contentType: string; content: Buffer };
}

export async function sendReportMail(settings: MailSettings, mail: ReportMail): Promise<void> {
  const transport = nodemailer.createTransport(settings.smtpUrl);
  try {
    await transport.sendMail({
      from: settings.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      attachments: [{ filename: mail.attachment.filename, contentType: mail.attachment.contentType, content: mail.attachment.content }],
    });
  } finally {
    transport.close();
  }
}
