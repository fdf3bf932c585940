/** Paragraph text with emphasis, as the guide templates write it (**bold**). */
export interface Span {
  text: string;
  strong: boolean;
}

export type RichText = Span[];

export const plain = (text: string): RichText => [{ text, strong: false }];

export const strong = (text: string): RichText => [{ text, strong: true }];
