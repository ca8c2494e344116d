// email-reply-parser 1.x ships no types (2.x does, but is ESM-only and wants Node 22).
declare module "email-reply-parser" {
  export default class EmailReplyParser {
    read(text: string): { getVisibleText(options?: { aggressive?: boolean }): string };
    parseReply(text: string): string;
  }
}
