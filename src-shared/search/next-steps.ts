/** A heading that introduces what was agreed: the list items after it are commitments. */
const HEADING = /(next steps?|action items?|commitments?|agreed|pr[oó]ximos pasos|acuerdos|compromisos|tareas)\s*:?\**\s*$/i;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[( |x|X)\]\s+)?(.+)$/;
const TASK = /^\s*(?:[-*+]|\d+[.)])\s+\[ \]\s+(.+)$/;
/** Longest commitment kept, and most per note: a brief is read in a minute. */
const MAX_CHARS = 200;
const MAX_PER_NOTE = 5;

/**
 * The open commitments a call note records: the list items under a "Next steps" / "Próximos pasos"
 * (or similar) line, and any unticked markdown task (`- [ ] …`) anywhere. Ticked tasks are done and
 * left out. Markdown emphasis is stripped; at most five, each at most 200 characters.
 */
export function commitmentsIn(body: string): string[] {
  const found: string[] = [];
  let underHeading = false;
  for (const line of body.split(/\r?\n/)) {
    if (found.length >= MAX_PER_NOTE) break;
    const task = TASK.exec(line);
    const item = LIST_ITEM.exec(line);
    if (task?.[1]) {
      found.push(task[1]);
    } else if (underHeading && item?.[2] && item[1] === undefined) {
      found.push(item[2]);
    } else if (HEADING.test(line.replace(/^#+\s*/, '').replace(/^\*\*|\*\*$/g, '').trim())) {
      underHeading = true;
      continue;
    } else if (line.trim() !== '' && !item) {
      underHeading = false;
    }
  }
  return found.map((text) => text.replace(/[*_`]+/g, '').trim().slice(0, MAX_CHARS)).filter((text) => text !== '');
}
