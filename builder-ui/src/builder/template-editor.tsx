// Handlebars template input for node configs: typing {{ (or Ctrl+Space inside
// an expression) lists the variables available at this node, and a preview
// renders the template for a sample candidate as the server would.
import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { applyCompletion, completionAt, type TemplateCompletion } from './template-autocomplete';
import { renderTemplatePreview } from './template-preview';
import './template-editor.css';

export interface TemplateEditorProps {
  id?: string;
  value: string;
  onChange(text: string): void;
  /** Variables available on every path into the node (availableVariablesByNode). */
  variables: readonly string[];
  /** Sample data the preview renders with (sampleTemplateContext). */
  previewContext: Record<string, unknown>;
  isMultiline?: boolean;
  /** Rendered as JSON with escaped values (webhook payloads). */
  isJson?: boolean;
  isInvalid?: boolean;
  placeholder?: string;
}

export function TemplateEditor({ id, value, onChange, variables, previewContext, isMultiline = true, isJson = false, isInvalid, placeholder }: TemplateEditorProps) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [completion, setCompletion] = useState<TemplateCompletion | null>(null);
  const [active, setActive] = useState(0);
  /** Escape closes the list for this expression until a new {{ is typed (or Ctrl+Space). */
  const dismissedAt = useRef<number | null>(null);
  const pendingCaret = useRef<number | null>(null);
  const preview = useMemo(() => renderTemplatePreview(value, previewContext, { isJson }), [value, previewContext, isJson]);

  useLayoutEffect(() => {
    if (pendingCaret.current === null || !textarea.current) return;
    textarea.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  }, [value]);

  useLayoutEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest' });
  }, [active, completion]);

  const open = (next: TemplateCompletion | null) => {
    setCompletion(next);
    setActive(0);
  };
  const refresh = (text: string, caret: number, isTyping: boolean) => {
    const next = completionAt(text, caret, variables);
    if (!next || next.from === dismissedAt.current) return open(null);
    if (isTyping || completion) open(next);
  };
  const insert = (variable: string) => {
    if (!completion) return;
    const result = applyCompletion(value, completion, variable);
    pendingCaret.current = result.caret;
    open(null);
    onChange(result.text);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const suggestions = completion?.suggestions ?? [];
    if (event.key === ' ' && event.ctrlKey) {
      event.preventDefault();
      dismissedAt.current = null;
      const el = event.currentTarget;
      return open(completionAt(el.value, el.selectionStart, variables));
    }
    if (completion && event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      dismissedAt.current = completion.from;
      return open(null);
    }
    if (completion && suggestions.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        return setActive((i) => (i + step + suggestions.length) % suggestions.length);
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        return insert(suggestions[Math.min(active, suggestions.length - 1)]!);
      }
    }
    // A one-line field (a subject) takes no line breaks.
    if (!isMultiline && event.key === 'Enter') event.preventDefault();
  };

  return (
    <div className="template-editor" data-testid="template-editor">
      <div className="template-editor-input">
        <textarea
          id={id}
          ref={textarea}
          className={isMultiline ? 'template-textarea' : 'template-textarea is-single-line'}
          value={value}
          rows={isMultiline ? 6 : 1}
          spellCheck={!isJson}
          placeholder={placeholder ?? 'Type {{ to insert a variable'}
          aria-invalid={isInvalid || undefined}
          aria-autocomplete="list"
          aria-expanded={!!completion}
          onChange={(event) => {
            const text = isMultiline ? event.target.value : event.target.value.replace(/\r?\n/g, ' ');
            if (/\{\{$/.test(text.slice(0, event.target.selectionStart))) dismissedAt.current = null;
            onChange(text);
            refresh(text, event.target.selectionStart, true);
          }}
          onKeyDown={onKeyDown}
          onKeyUp={(event) => {
            if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) refresh(event.currentTarget.value, event.currentTarget.selectionStart, false);
          }}
          onClick={(event) => refresh(event.currentTarget.value, event.currentTarget.selectionStart, false)}
          onBlur={() => open(null)}
        />
        {completion && (
          <ul className="template-autocomplete" role="listbox" ref={list} data-testid="template-autocomplete">
            {completion.suggestions.length === 0 && <li className="template-autocomplete-empty">No variable here matches “{completion.query}”</li>}
            {completion.suggestions.map((variable, i) => (
              <li
                key={variable}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'template-suggestion is-active' : 'template-suggestion'}
                data-testid="template-suggestion"
                data-variable={variable}
                // mousedown, not click: the textarea keeps focus and its caret.
                onMouseDown={(event) => {
                  event.preventDefault();
                  insert(variable);
                }}
                onMouseEnter={() => setActive(i)}
              >
                {variable}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className={preview.ok ? 'template-preview' : 'template-preview has-error'} data-testid="template-preview">
        <div className="template-preview-label">Preview for Sam Sample</div>
        {preview.ok ? (
          <pre className={isJson ? 'template-preview-output is-json' : 'template-preview-output'}>{preview.output || <span className="muted">(empty)</span>}</pre>
        ) : (
          <div className="template-preview-error" data-testid="template-preview-error">
            {preview.message}
            {preview.detail.includes('^') && <pre className="template-preview-marker">{preview.detail.split('\n').slice(1, 3).join('\n')}</pre>}
          </div>
        )}
      </div>
    </div>
  );
}
