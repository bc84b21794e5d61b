Feature: AT+QMTSUB — subscribe to topics (spec 3.3.6)

  Rule: A subscription is sent as SUBSCRIBE and reported with the granted QoS

    @spec:3.3.6:set @spec:3.3.6:result=0 @spec:3.3.6:value @spec:3.3.6:max-response-time
    Scenario: Client 0 subscribes to one topic at QoS 1
      Given client 0 is connected to the broker as "qmt-sub"
      When the host sends AT+QMTSUB=0,7,"qmt/sub/one",1
      Then the module answers OK
      And the module reports +QMTSUB: 0,7,0,1
      And the broker receives a SUBSCRIBE with:
        | packet id     | 7               |
        | subscriptions | qmt/sub/one@1   |
