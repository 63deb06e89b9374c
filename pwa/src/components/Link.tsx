import type { ComponentChildren } from "preact";
import { navigate } from "../state/route";

interface LinkProps {
  href: string;
  class?: string;
  testid?: string;
  children: ComponentChildren;
}

/** An in-app link: a real <a href> (new tab, copy link work), navigated without a reload. */
export function Link({ href, class: className, testid, children }: LinkProps) {
  return (
    <a
      href={href}
      class={className}
      data-testid={testid}
      onClick={(event) => {
        if (event.defaultPrevented || event.button !== 0) return;
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
