import MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;

/**
 * What a careless Markdown client would let act, read as markdown-it renders it with HTML on and
 * every link scheme allowed: each raw HTML element (html_block, html_inline: markdown-it passes
 * them to the page as they are) and each link, autolink or image whose target is not http(s),
 * a fragment or a file link. [] when nothing is live.
 */
const renderer = new MarkdownIt({ html: true });
renderer.validateLink = () => true;

const SAFE_TARGET = /^(https?:|file:|#)/i;

export function liveProblems(markdown: string): string[] {
  const problems: string[] = [];
  const visit = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === 'html_block' || token.type === 'html_inline') problems.push(`raw HTML ${token.content.trim()}`);
      const target = token.type === 'link_open' ? token.attrGet('href') : token.type === 'image' ? token.attrGet('src') : null;
      if (target !== null && !SAFE_TARGET.test(target)) problems.push(`live link ${target}`);
      // An image's children are its description, rendered as plain alt text.
      if (token.children && token.type !== 'image') visit(token.children);
    }
  };
  visit(renderer.parse(markdown, {}));
  return problems;
}
