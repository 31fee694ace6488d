/**
 * Process models: deploys the BPMN/DMN files in {@code processes/} and the Camunda Forms in
 * {@code forms/} at start-up, so process designers change the SOP by editing files.
 */
@ApplicationModule(displayName = "Model proses (models)", allowedDependencies = {"web"})
package id.lapor.models;

import org.springframework.modulith.ApplicationModule;
