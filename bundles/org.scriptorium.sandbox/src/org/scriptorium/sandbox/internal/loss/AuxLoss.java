package org.scriptorium.sandbox.internal.loss;

import org.scriptorium.sandbox.internal.routing.Routing;
import org.scriptorium.sandbox.internal.routing.RouterGrad;

/** An auxiliary routing loss, applied to one micro-batch during training. */
public interface AuxLoss {

	String name();

	/** Adds the (weighted) gradient into {@code grad} and returns the weighted loss value. */
	double apply(Routing routing, RouterGrad grad);
}
