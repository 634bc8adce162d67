/**
 * Mustache templates for outbound mail: {@link org.mastermail.templates.MustacheRenderer} implements the core
 * {@code TemplateRenderer}. Install it with {@code MasterMail.builder().templates(new MustacheRenderer())}.
 */
@NullMarked
package org.mastermail.templates;

import org.jspecify.annotations.NullMarked;
